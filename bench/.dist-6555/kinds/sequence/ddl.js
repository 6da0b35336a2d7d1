/**
 * The sequences of a spec as DDL: free-standing and serial ones created
 * before the tables and owned by their column after them; the sequence of an
 * identity column is not created here but given to the column.
 */
import { ownValue } from '../../model/own.js';
import { objectKey } from '../../model/identifiers.js';
import { qualifiedKey, splitIdentifiers, splitQualified } from '../../spec-file/names.js';
import { createSequenceSql, sequenceOwnedBySql } from './sql.js';
/** A spec sequence's options as SQL numbers. */
export function specSequenceOptions(s) {
    const text = (value) => value === undefined ? undefined : typeof value === 'number' ? String(value) : value.trim();
    return {
        ...(s.type !== undefined ? { type: s.type } : {}),
        ...(s.increment !== undefined ? { increment: text(s.increment) } : {}),
        ...(s.min !== undefined ? { min: text(s.min) } : {}),
        ...(s.max !== undefined ? { max: text(s.max) } : {}),
        ...(s.start !== undefined ? { start: text(s.start) } : {}),
        ...(s.cache !== undefined ? { cache: text(s.cache) } : {}),
        ...(s.cycle ? { cycle: true } : {}),
    };
}
/** `table.column` (in the sequence's schema) or `schema.table.column`. */
function ownerOf(sequenceSchema, ownedBy) {
    const parts = splitIdentifiers(ownedBy);
    if (parts.length >= 3)
        return { schema: parts[0], table: parts[1], column: parts[2] };
    return { schema: sequenceSchema, table: parts[0], column: parts[1] ?? '' };
}
/** The sequences that belong to an identity column, by objectKey(table key, column). */
export function identitySequences(spec) {
    const out = new Map();
    for (const [key, s] of spec.sequences) {
        if (!s.ownedBy)
            continue;
        const { schema, name } = splitQualified(key, 'public');
        const owner = ownerOf(schema, s.ownedBy);
        const column = ownValue(spec.tables.get(qualifiedKey(owner.schema, owner.table))?.columns, owner.column);
        if (column?.identity)
            out.set(objectKey(qualifiedKey(owner.schema, owner.table), owner.column), { schema, name, spec: s });
    }
    return out;
}
function identityKeys(ctx) {
    return new Set([...ctx.identitySequences.values()].map((s) => qualifiedKey(s.schema, s.name)));
}
export function sequenceObjects(ctx) {
    const identity = identityKeys(ctx);
    const out = [];
    for (const [key, s] of ctx.spec.sequences) {
        if (identity.has(key))
            continue;
        const { schema, name } = splitQualified(key, 'public');
        out.push({ sql: createSequenceSql(schema, name, specSequenceOptions(s), { ifNotExists: false }), path: ['sequences', schema, name] });
    }
    return out;
}
/** OWNED BY of serial-style sequences, once their tables exist. */
export function sequenceLinks(ctx) {
    const identity = identityKeys(ctx);
    const out = [];
    for (const [key, s] of ctx.spec.sequences) {
        if (!s.ownedBy || identity.has(key))
            continue;
        const { schema, name } = splitQualified(key, 'public');
        out.push({ sql: sequenceOwnedBySql(schema, name, ownerOf(schema, s.ownedBy)), path: ['sequences', schema, name, 'ownedBy'] });
    }
    return out;
}
//# sourceMappingURL=ddl.js.map