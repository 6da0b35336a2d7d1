/** Enum types from the catalog: `pg_type` (typtype 'e') and their `pg_enum` labels. */
import { type RawBuilder } from 'kysely';
import { type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import type { EnumType } from './model.js';
/** A row of {@link enumsQuery}. */
export interface RawEnumRow {
    schema: string;
    name: string;
    /** Labels in `enumsortorder` (the order `ALTER TYPE ... ADD VALUE ... BEFORE` gives), not creation order. */
    values: string[];
    comment: string | null;
}
/** The enum types in scope, their labels in sort order. */
export declare function enumsQuery({ schemas }: CatalogScope): RawBuilder<RawEnumRow>;
/** The model's enums, sorted by schema and name (code-unit order). */
export declare function decodeEnums(rows: readonly RawEnumRow[]): EnumType[];
/** How enums are read: see kind-catalog.ts. */
export declare const ENUM_CATALOG: import("../../introspect/postgres/kind-catalog.js").SectionCatalog;
