import type { Kysely, LogEvent, RawBuilder } from 'kysely';
import pg from 'pg';
/**
 * The big catalog queries (tens of thousands of rows on large schemas) do not
 * go through kysely: they go to the same pg client, in the same transaction,
 * in array row mode with every value left as the server's text, and each row
 * is handed to a callback as it arrives instead of being collected. No
 * per-row object, no pg-types parsing (int8, oid and int2vector texts stay
 * strings; booleans are 't' / 'f'), and rows the model does not keep die
 * young. The statements are built with kysely's `sql` tag like the others and
 * reported to the same `onQuery` logger.
 */
/** One row: the values in select-list order, as text; null for SQL NULL. */
export type TextRow = readonly (string | null)[];
/** A row of the query whose select list is `F`: one text (or null) per field. */
export type RowOf<F extends readonly string[]> = {
    readonly [K in keyof F]: string | null;
};
/** A statement read in array row mode, and its select list's column names in order. */
export interface CatalogQuery<F extends readonly string[] = readonly string[]> {
    readonly sql: RawBuilder<unknown>;
    /** Checked against what the server describes, so a row is never read by the wrong positions. */
    readonly fields: F;
}
/** Run a query and hand each row to `onRow` as it arrives; resolves once the statement completes. */
export type StreamRows = <F extends readonly string[]>(query: CatalogQuery<F>, onRow: (row: RowOf<F>) => void) => Promise<void>;
/** A `StreamRows` over `client`, the pg client under `db`'s connection. */
export declare function rowStreamer(db: Kysely<unknown>, client: pg.ClientBase, onQuery?: (event: LogEvent) => void): StreamRows;
