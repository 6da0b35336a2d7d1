/**
 * A model as a spec: what `schema-audit snapshot` writes for a team to
 * bootstrap its expected schema from a known-good database. The contract is
 * the round trip: `specToDdl(load(modelToSpec(m)))` run in an empty database
 * gives back `m` (tables, enums, domains, sequences), name for name.
 *
 * Each kind's section writes its objects (its `fromModel`, in its folder:
 * the rules for default names, shorthands, serial and identity sequences,
 * partitions and indexes are there); this module keeps what crosses kinds:
 * - Keys: unqualified for `public`, `schema.name` otherwise (the file's
 *   `schema:` is not used). A name inside a node (a reference, a partition's
 *   parent, a sequence's owner) is unqualified only when both it and the
 *   object naming it are in `public` (see `refName`).
 * - Types: a type of `public` the model prints unqualified is qualified in
 *   an object of another schema, where the spec would read it in that
 *   schema first.
 * - Output is deterministic: the model's order (sorted by name), columns in
 *   position order, optional fields written only when not the default, the
 *   sections in a fixed order.
 */
import type { SchemaModel } from '../model/schema-model.js';
import type { FromModelContext } from './spec-section.js';
import { type SpecFile } from './spec-types.js';
export { oneLine } from './one-line.js';
/** Which part of the model to write. */
export interface ModelToSpecOptions {
    /** Only these schemas (default: every schema of the model). */
    readonly schemas?: readonly string[];
}
/** What the kinds' `fromModel` pieces get for a model (see {@link FromModelContext}). */
export declare function fromModelContext(model: SchemaModel, options?: ModelToSpecOptions): FromModelContext;
/** The model as a spec file (see the module comment). */
export declare function modelToSpec(model: SchemaModel, options?: ModelToSpecOptions): SpecFile;
