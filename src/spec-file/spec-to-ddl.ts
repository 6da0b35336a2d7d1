/**
 * The expected-schema spec as DDL: the statements that build, in an empty
 * database, the schema the spec describes. The spec's meaning is whatever
 * PostgreSQL makes of these statements in a scratch server — types,
 * expressions and defaults are passed through as written and normalised by
 * the server, exactly as SQL sources are — so this is a faithful
 * translation, never a second parser of SQL.
 *
 * Each kind writes its own statements (`src/kinds/<kind>/ddl.ts`, through its
 * SQL emitter `sql.ts`); this module only runs the phases in order
 * (DDL_PHASES), the kinds in registry order within each:
 *  1. objects: CREATE SCHEMA (not `public`), CREATE EXTENSION, enums,
 *     domains (one over another after it), free-standing and serial
 *     sequences (an identity column's goes with its column), tables (a
 *     partitioned parent before its partitions);
 *  2. constraints: primary keys, unique constraints, checks, exclusions,
 *     then foreign keys, each as ALTER TABLE ... ADD, all tables' of one
 *     kind before the next kind, deepest partitions first;
 *  3. links: ALTER SEQUENCE ... OWNED BY;
 *  4. indexes, deepest partitions first;
 *  5. comments;
 *  6. privileges: ALTER … OWNER TO, GRANT, ALTER DEFAULT PRIVILEGES (the
 *     governed roles the spec names are created in the scratch cluster).
 *
 * Names in the spec: object keys are qualified in a LoadedSpec
 * (`public.leads`); a name inside a node (a reference, a partition parent, a
 * sequence owner) that is unqualified is in the schema of the object that
 * names it. Types: see DdlContext.typeSql.
 */
import { KINDS } from '../kinds/registry.js';
import { specSchemaPaths } from '../kinds/schema/ddl.js';
import { identitySequences } from '../kinds/sequence/ddl.js';
import { specTableTree } from '../kinds/table/partition-tree.js';
import { buildDdlContext, DDL_PHASES, type DdlHooks, type DdlPhase, type DdlStatement } from './ddl-context.js';
import type { LoadedSpec } from './spec-types.js';

export type { DdlStatement } from './ddl-context.js';

/** The statements of each phase, in order; `hooks` let `modelToDdl` say what the spec cannot (see DdlHooks). */
export function specToDdlPhases(spec: LoadedSpec, hooks: DdlHooks = {}): Readonly<Record<DdlPhase, readonly DdlStatement[]>> {
  const context = buildDdlContext(spec, {
    schemas: [...specSchemaPaths(spec).keys()],
    tables: specTableTree(spec),
    identitySequences: identitySequences(spec),
    hooks,
  });
  const phases = {} as Record<DdlPhase, DdlStatement[]>;
  for (const phase of DDL_PHASES) {
    const statements: DdlStatement[] = [];
    for (const kind of KINDS) for (const s of kind.ddl?.[phase]?.(context) ?? []) statements.push(s);
    phases[phase] = statements;
  }
  return phases;
}

/** Build the DDL for a loaded spec. Pure: the same spec always gives the same statements. */
export function specToDdl(spec: LoadedSpec): DdlStatement[] {
  const phases = specToDdlPhases(spec);
  return DDL_PHASES.flatMap((phase) => phases[phase]);
}
