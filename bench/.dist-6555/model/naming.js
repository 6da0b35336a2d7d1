/** PostgreSQL's NAMEDATALEN - 1: the longest identifier, in bytes. */
export const MAX_IDENTIFIER_BYTES = 63;
/** Clip `s` to at most `bytes` UTF-8 bytes without splitting a character (pg_mbcliplen). */
function clipBytes(s, bytes) {
    if (Buffer.byteLength(s) <= bytes)
        return s;
    let out = '';
    let used = 0;
    for (const ch of s) {
        const n = Buffer.byteLength(ch);
        if (used + n > bytes)
            break;
        out += ch;
        used += n;
    }
    return out;
}
/**
 * `name1_name2_label`, truncated as PostgreSQL's makeObjectName truncates it:
 * to 63 bytes, shortening the longer of the two names first.
 */
export function makeObjectName(name1, name2, label) {
    let name1Bytes = Buffer.byteLength(name1);
    let name2Bytes = name2 === null ? 0 : Buffer.byteLength(name2);
    const overhead = (name2 === null ? 0 : 1) + (label === null ? 0 : Buffer.byteLength(label) + 1);
    const available = MAX_IDENTIFIER_BYTES - overhead;
    while (name1Bytes + name2Bytes > available) {
        if (name1Bytes > name2Bytes)
            name1Bytes--;
        else
            name2Bytes--;
    }
    let out = clipBytes(name1, name1Bytes);
    if (name2 !== null)
        out += `_${clipBytes(name2, name2Bytes)}`;
    if (label !== null)
        out += `_${label}`;
    return out;
}
/** Column names joined by `_`, stopping once 64 bytes are reached (ChooseIndexNameAddition). */
export function nameAddition(names) {
    let out = '';
    for (const n of names) {
        if (out.length > 0)
            out += '_';
        out += clipBytes(n, MAX_IDENTIFIER_BYTES);
        if (Buffer.byteLength(out) >= MAX_IDENTIFIER_BYTES + 1)
            break;
    }
    return out;
}
/** Default names, before PostgreSQL's numbering of a name already taken. */
export const defaultNames = {
    primaryKey: (table) => makeObjectName(table, null, 'pkey'),
    unique: (table, columns) => makeObjectName(table, nameAddition(columns), 'key'),
    exclusion: (table, columns) => makeObjectName(table, nameAddition(columns), 'excl'),
    index: (table, columns) => makeObjectName(table, nameAddition(columns), 'idx'),
    foreignKey: (table, columns) => makeObjectName(table, nameAddition(columns), 'fkey'),
    /** A check mentioning exactly one column is `<table>_<column>_check`, any other `<table>_check`. */
    check: (table, columns) => makeObjectName(table, columns.length === 1 ? columns[0] : null, 'check'),
    /** The column `check:` shorthand's name. */
    columnCheck: (table, column) => makeObjectName(table, column, 'check'),
    sequence: (table, column) => makeObjectName(table, column, 'seq'),
};
/** The names PostgreSQL gives index columns (ChooseIndexColumnNames): expressions by their function, else `expr`. */
export function indexColumnNames(keys, include) {
    const out = [];
    const figure = (expression) => {
        const m = /^(?:[A-Za-z_][\w$]*\.)?([A-Za-z_][\w$]*)\(/.exec(expression);
        if (m)
            return m[1].toLowerCase();
        if (/^CASE\b/.test(expression))
            return 'case';
        return 'expr';
    };
    const names = [...keys.map((k) => k.column ?? figure(k.expression ?? '')), ...include];
    for (const original of names) {
        let candidate = original;
        for (let i = 1; out.includes(candidate); i++) {
            const suffix = String(i);
            let base = original;
            while (Buffer.byteLength(base) + suffix.length > MAX_IDENTIFIER_BYTES)
                base = [...base].slice(0, -1).join('');
            candidate = `${base}${suffix}`;
        }
        out.push(candidate);
    }
    return out;
}
//# sourceMappingURL=naming.js.map