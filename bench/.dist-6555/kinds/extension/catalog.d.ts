/** Extensions from the catalog: `pg_extension`, whatever the schemas read. */
import { type RawBuilder } from 'kysely';
import type { Extension } from './model.js';
/** A row of {@link extensionsQuery}. */
export interface RawExtensionRow {
    name: string;
    schema: string;
    version: string;
    relocatable: boolean;
    comment: string | null;
}
/**
 * Extensions are database-wide, so all are listed whatever the schema filter,
 * except plpgsql, which every database has since PostgreSQL 9.0.
 */
export declare function extensionsQuery(): RawBuilder<RawExtensionRow>;
/** The model's extensions, sorted by name (code-unit order). */
export declare function decodeExtensions(rows: readonly RawExtensionRow[]): Extension[];
/** How extensions are read: see kind-catalog.ts. */
export declare const EXTENSION_CATALOG: import("../../introspect/postgres/kind-catalog.js").SectionCatalog;
