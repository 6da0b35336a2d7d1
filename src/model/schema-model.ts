/**
 * The neutral schema model: plain, readonly data that every stage after
 * introspection exchanges. Nothing here knows about pg, kysely or rendering.
 * Each kind of object defines its own type in its folder
 * (`src/kinds/<kind>/model.ts`); this module gathers them into the model of
 * a whole database.
 *
 * Conventions
 * - Names are stored unquoted, exactly as the catalog holds them (`"Lead Notes"`
 *   is stored as `Lead Notes`); quoting happens only in `identifiers.ts`.
 * - Every list is sorted deterministically (code-unit order of the names), so
 *   the same database always serialises to the same bytes.
 * - SQL text (types, defaults, expressions, definitions) is exactly what the
 *   server's own deparsers print (`format_type`, `pg_get_expr`,
 *   `pg_get_indexdef`, `pg_get_constraintdef`), introspected with
 *   `search_path = pg_catalog, public`: objects in `public` and `pg_catalog`
 *   print unqualified, objects in any other schema print schema-qualified.
 */
import type { Domain } from '../kinds/domain/model.js';
import type { EnumType } from '../kinds/enum/model.js';
import type { EventTrigger } from '../kinds/event-trigger/model.js';
import type { Extension } from '../kinds/extension/model.js';
import type { Collation } from '../kinds/collation/model.js';
import type { Routine } from '../kinds/function/model.js';
import type { SchemaInfo } from '../kinds/schema/model.js';
import type { Sequence } from '../kinds/sequence/model.js';
import type { Table } from '../kinds/table/model.js';
import type { UserType } from '../kinds/type/model.js';
import type { View } from '../kinds/view/model.js';
import type { AclObject } from '../kinds/privilege/model.js';

export type * from '../kinds/collation/model.js';
export type * from '../kinds/column/model.js';
export type * from '../kinds/constraint/model.js';
export type * from '../kinds/domain/model.js';
export type * from '../kinds/enum/model.js';
export type * from '../kinds/event-trigger/model.js';
export type * from '../kinds/extension/model.js';
export type * from '../kinds/function/model.js';
export type * from '../kinds/index/model.js';
export type * from '../kinds/schema/model.js';
export type * from '../kinds/privilege/model.js';
export type * from '../kinds/sequence/model.js';
export type * from '../kinds/table/model.js';
export type * from '../kinds/trigger/model.js';
export type * from '../kinds/type/model.js';
export type * from '../kinds/view/model.js';

/**
 * A whole database's worth of schema objects, limited to the schemas read:
 * one section per top-level kind of the registry (`src/kinds/registry.ts`),
 * in its dependency order. Tables hold their members (columns, indexes,
 * constraints, triggers).
 */
export interface SchemaModel {
  readonly schemas: readonly SchemaInfo[];
  readonly extensions: readonly Extension[];
  /** Collations made by CREATE COLLATION. */
  readonly collations: readonly Collation[];
  readonly enums: readonly EnumType[];
  readonly domains: readonly Domain[];
  /** Composite and range types. */
  readonly types: readonly UserType[];
  readonly sequences: readonly Sequence[];
  readonly functions: readonly Routine[];
  /** Database-wide; those whose function is in a schema read. */
  readonly eventTriggers: readonly EventTrigger[];
  readonly tables: readonly Table[];
  readonly views: readonly View[];
  /**
   * Owners and privileges of the objects above, the database's, default
   * privileges, and the server's role names (src/kinds/privilege/). Compared
   * only for the roles the expected side governs. Absent from model
   * snapshots written before it existed.
   */
  readonly privileges: readonly AclObject[];
}

