/** Schemas from the catalog: `pg_namespace`, system and extension-owned ones left out. */
import { type RawBuilder } from 'kysely';
import { type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import type { SchemaInfo } from './model.js';
/** A row of {@link schemasQuery}. */
export interface RawSchemaRow {
    name: string;
    comment: string | null;
}
/** The schemas in scope, with their comments. */
export declare function schemasQuery({ schemas }: CatalogScope): RawBuilder<RawSchemaRow>;
/** The model's schemas, sorted by name (code-unit order, never the database's collation). */
export declare function decodeSchemas(rows: readonly RawSchemaRow[]): SchemaInfo[];
/** How schemas are read: see kind-catalog.ts. */
export declare const SCHEMA_CATALOG: import("../../introspect/postgres/kind-catalog.js").SectionCatalog;
