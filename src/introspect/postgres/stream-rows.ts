import { performance } from 'node:perf_hooks';
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
export type RowOf<F extends readonly string[]> = { readonly [K in keyof F]: string | null };

const asText = (value: string): string => value;
const TEXT_TYPES = { getTypeParser: () => asText };

/** A statement read in array row mode, and its select list's column names in order. */
export interface CatalogQuery<F extends readonly string[] = readonly string[]> {
  readonly sql: RawBuilder<unknown>;
  /** Checked against what the server describes, so a row is never read by the wrong positions. */
  readonly fields: F;
}

/** Run a query and hand each row to `onRow` as it arrives; resolves once the statement completes. */
export type StreamRows = <F extends readonly string[]>(query: CatalogQuery<F>, onRow: (row: RowOf<F>) => void) => Promise<void>;

/** A `StreamRows` over `client`, the pg client under `db`'s connection. */
export function rowStreamer(db: Kysely<unknown>, client: pg.ClientBase, onQuery?: (event: LogEvent) => void): StreamRows {
  return ({ sql, fields }, onRow) =>
    new Promise<void>((resolve, reject) => {
      const compiled = sql.compile(db);
      const started = performance.now();
      const config: pg.QueryArrayConfig = { text: compiled.sql, values: [...compiled.parameters], rowMode: 'array', types: TEXT_TYPES };
      const q = new pg.Query(config);
      // A throw inside a 'row' listener would unwind through pg's protocol
      // parser: keep the first failure, skip the remaining rows, report it at
      // the end of the statement.
      let failure: unknown;
      let checked = false;
      const check = (result: pg.QueryResult | undefined): void => {
        checked = true;
        const got = (result?.fields ?? []).map((f) => f.name);
        if (got.length !== fields.length || got.some((name, k) => name !== fields[k])) {
          throw new Error(`internal error: catalog query returned columns (${got.join(', ')}), expected (${fields.join(', ')})`);
        }
      };
      q.on('row', (row: RowOf<typeof fields>, result?: pg.QueryResult) => {
        if (failure !== undefined) return;
        try {
          if (!checked) check(result);
          onRow(row);
        } catch (err) {
          failure = err ?? new Error('row handler failed');
        }
      });
      q.on('error', (err: unknown) => {
        onQuery?.({ level: 'error', error: err, query: compiled, queryDurationMillis: performance.now() - started });
        reject(err);
      });
      q.on('end', (result?: pg.QueryResult) => {
        if (failure === undefined && !checked) {
          try {
            check(result);
          } catch (err) {
            failure = err;
          }
        }
        if (failure !== undefined) {
          reject(failure);
          return;
        }
        onQuery?.({ level: 'query', isStream: false, query: compiled, queryDurationMillis: performance.now() - started });
        resolve();
      });
      client.query(q);
    });
}
