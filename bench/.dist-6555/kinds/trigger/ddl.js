import { commentOnTriggerSql, enableTriggerSql } from './sql.js';
/** Every table's triggers, parents before their partitions (a parent's trigger is cloned onto its partitions). */
export function triggerStatements(ctx) {
    const out = [];
    for (const entry of ctx.tables.creationOrder) {
        for (const [name, node] of Object.entries(entry.spec.triggers ?? {})) {
            const path = [...entry.path, 'triggers', name];
            const definition = typeof node === 'string' ? node : node.definition;
            out.push({ sql: definition.trim().replace(/;\s*$/, ''), path: typeof node === 'string' ? path : [...path, 'definition'] });
            if (typeof node !== 'string' && node.enabled !== undefined && node.enabled !== 'origin') {
                out.push({ sql: enableTriggerSql(entry.schema, entry.name, name, node.enabled), path: [...path, 'enabled'] });
            }
        }
    }
    return out;
}
export function triggerComments(ctx) {
    const out = [];
    for (const entry of ctx.tables.creationOrder) {
        for (const [name, node] of Object.entries(entry.spec.triggers ?? {})) {
            if (typeof node === 'string' || node.description === undefined)
                continue;
            out.push({ sql: commentOnTriggerSql(entry.schema, entry.name, name, node.description), path: [...entry.path, 'triggers', name, 'description'] });
        }
    }
    return out;
}
//# sourceMappingURL=ddl.js.map