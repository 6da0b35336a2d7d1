import { performance } from 'node:perf_hooks';
import pg from 'pg';
const asText = (value) => value;
const TEXT_TYPES = { getTypeParser: () => asText };
/** A `StreamRows` over `client`, the pg client under `db`'s connection. */
export function rowStreamer(db, client, onQuery) {
    return ({ sql, fields }, onRow) => new Promise((resolve, reject) => {
        const compiled = sql.compile(db);
        const started = performance.now();
        const config = { text: compiled.sql, values: [...compiled.parameters], rowMode: 'array', types: TEXT_TYPES };
        const q = new pg.Query(config);
        // A throw inside a 'row' listener would unwind through pg's protocol
        // parser: keep the first failure, skip the remaining rows, report it at
        // the end of the statement.
        let failure;
        let checked = false;
        const check = (result) => {
            checked = true;
            const got = (result?.fields ?? []).map((f) => f.name);
            if (got.length !== fields.length || got.some((name, k) => name !== fields[k])) {
                throw new Error(`internal error: catalog query returned columns (${got.join(', ')}), expected (${fields.join(', ')})`);
            }
        };
        q.on('row', (row, result) => {
            if (failure !== undefined)
                return;
            try {
                if (!checked)
                    check(result);
                onRow(row);
            }
            catch (err) {
                failure = err ?? new Error('row handler failed');
            }
        });
        q.on('error', (err) => {
            onQuery?.({ level: 'error', error: err, query: compiled, queryDurationMillis: performance.now() - started });
            reject(err);
        });
        q.on('end', (result) => {
            if (failure === undefined && !checked) {
                try {
                    check(result);
                }
                catch (err) {
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
//# sourceMappingURL=stream-rows.js.map