import { jsonAscii } from '../safe-text.js';
/**
 * The snapshot document `schema-audit snapshot` writes: the live schema as
 * stable, readable JSON. Statistics (row estimates) are left out, so the same
 * schema always gives the same bytes whatever its data.
 */
export const SNAPSHOT_FORMAT_VERSION = 1;
/** Drop statistics: they describe data, not schema. */
function withoutStatistics(model) {
    return {
        ...model,
        tables: model.tables.map((t) => {
            const { rowEstimate: _omit, ...rest } = t;
            return rest;
        }),
    };
}
export function buildSnapshot(model, server, schemas) {
    return {
        formatVersion: SNAPSHOT_FORMAT_VERSION,
        source: { database: server.database, serverVersion: server.version, schemas: schemas && schemas.length ? [...schemas] : null },
        schema: withoutStatistics(model),
    };
}
/** Two-space indented JSON with a final newline; key order is the model's. */
export function serializeSnapshot(doc) {
    // Characters JSON.stringify leaves raw but a terminal acts on, as \u escapes (src/safe-text.ts).
    return `${jsonAscii(JSON.stringify(doc, null, 2))}\n`;
}
//# sourceMappingURL=snapshot.js.map