/**
 * Views and materialized views from the catalog: `pg_class` (relkind 'v',
 * 'm'), with their query as the server deparses it (`pg_get_viewdef`, under
 * the introspection's pinned search_path), columns, options, a materialized
 * view's indexes and whether it is populated, and what their rules read
 * (`pg_depend`, for dependency order).
 */
import { type RawBuilder } from 'kysely';
import { type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import type { View } from './model.js';
/** A row of {@link viewsQuery}. */
export interface RawViewRow {
    schema: string;
    name: string;
    /** 'v' view, 'm' materialized view. */
    relkind: string;
    comment: string | null;
    /** `pg_get_viewdef`, with its trailing semicolon. */
    definition: string | null;
    /** JSON text: `[[name, type], ...]` in attnum order, or null. */
    columns: string | null;
    /** `reloptions`, or null. */
    options: string[] | null;
    populated: boolean;
    /** JSON text: `[[name, pg_get_indexdef], ...]`, or null. */
    indexes: string | null;
    /** `reltuples` (-1: never analysed). */
    reltuples: number | string | null;
    /** JSON text of ref rows (depends-sql.ts), or null. */
    depends: string | null;
}
/** The views and materialized views in scope. */
export declare function viewsQuery({ schemas }: CatalogScope): RawBuilder<RawViewRow>;
/** The query without the space `pg_get_viewdef` starts it with and the semicolon it ends it with. */
export declare function viewQueryText(definition: string | null): string;
/** The model's views, sorted by schema and name (code-unit order). */
export declare function decodeViews(rows: readonly RawViewRow[]): View[];
/** How views are read: see kind-catalog.ts. */
export declare const VIEW_CATALOG: import("../../introspect/postgres/kind-catalog.js").SectionCatalog;
