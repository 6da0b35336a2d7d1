/** Indexes as the advice checks compare them: structure, coverage, what supports a foreign key. */
import { oneLine, qualified } from '../findings/words.js';
import { quoteIdent } from '../model/identifiers.js';
import { compareText } from '../model/sort.js';
/** A key part's identity: column or expression, order, nulls order, opclass, collation. */
export function keyPartKey(k) {
    return JSON.stringify([k.column, k.expression, k.order, k.nulls, k.opclass, k.collation]);
}
/**
 * An index's structure, everything but its name: method, key parts (with
 * order, nulls order, operator class, collation, expression), INCLUDE
 * columns (as a set: their order changes nothing), predicate, uniqueness and
 * NULLS NOT DISTINCT. Whether it is a primary key or backs a constraint is
 * not structure.
 */
export function structureKey(i) {
    return JSON.stringify([i.method, i.keys.map(keyPartKey), [...i.include].sort(compareText), i.where, i.unique, i.nullsNotDistinct]);
}
export function keyPartText(k) {
    const base = k.column !== null ? quoteIdent(k.column) : `(${oneLine(k.expression ?? '?')})`;
    return k.order === 'desc' ? `${base} DESC` : base;
}
/** `(client_id, created_at DESC)`. */
export function keysText(i) {
    return `(${i.keys.map(keyPartText).join(', ')})`;
}
/**
 * An index supports a foreign key when the server can use it to find the
 * referencing rows of one referenced row (what ON DELETE / ON UPDATE checks
 * do): a valid btree index on the same table, not partial, whose leading key
 * parts are plain columns that are exactly the foreign key's columns, in any
 * order. An expression key, a hash or GIN index, or the columns in a later
 * position do not count.
 */
export function supportsForeignKey(i, columns) {
    if (i.method !== 'btree' || !i.valid || i.where !== null || i.keys.length < columns.length)
        return false;
    const lead = i.keys.slice(0, columns.length).map((k) => k.column);
    const wanted = new Set(columns);
    return lead.every((c) => c !== null && wanted.has(c)) && new Set(lead).size === wanted.size;
}
/** A foreign key's column set, order-free. */
export function columnSetKey(columns) {
    return JSON.stringify([...new Set(columns)].sort(compareText));
}
/** The index kept of a group of duplicates: the primary key, else one backing a constraint, else the first by name. */
export function keeperRank(i) {
    return i.primary ? 0 : i.constraint !== null ? 1 : 2;
}
export function dropFix(table, i) {
    return i.constraint === null
        ? `drop index ${qualified(table.schema, i.name)}`
        : `drop constraint ${quoteIdent(i.constraint)} (which the index implements) from ${qualified(table.schema, table.name)}`;
}
/**
 * True when `covering` answers every query `candidate` answers: both btree
 * with the same predicate, `candidate`'s key parts (column or expression,
 * order, nulls order, operator class, collation) a strict leading prefix of
 * `covering`'s, or the same key parts when `covering` is unique (a plain
 * index beside a unique one on the same keys is redundant too), and every
 * INCLUDE column of `candidate` a key or INCLUDE column of `covering` (else
 * `candidate` serves index-only scans `covering` cannot).
 */
export function covers(covering, candidate) {
    if (covering.method !== 'btree' || covering.where !== candidate.where)
        return false;
    const n = candidate.keys.length;
    const longer = covering.keys.length > n;
    if (!longer && !(covering.keys.length === n && covering.unique))
        return false;
    for (let k = 0; k < n; k++)
        if (keyPartKey(candidate.keys[k]) !== keyPartKey(covering.keys[k]))
            return false;
    const available = new Set([...covering.keys.flatMap((k) => (k.column === null ? [] : [k.column])), ...covering.include]);
    return candidate.include.every((c) => available.has(c));
}
//# sourceMappingURL=index-structure.js.map