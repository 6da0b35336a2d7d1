/**
 * Names in a spec: how `leads`, `billing.invoices`, `'"my.table"'` and
 * `public.leads.client_id` are split into identifiers.
 *
 * Spec names are exact (no case folding, unlike SQL): `Lead Notes` names the
 * table created as "Lead Notes". Dots separate parts; a double-quoted run is
 * literal, so `"my.table"` is one name containing a dot and `""` inside quotes
 * is a quote character. Quotes never become part of the name.
 */
import { displayName, readQuoted } from '../model/identifiers.js';
/** A malformed name (empty part, unterminated quote, too many parts). */
export class NameError extends Error {
}
/**
 * Split a dotted name into its parts: `billing.invoices` → `['billing',
 * 'invoices']`, `public."my.table"` → `['public', 'my.table']`, `a"b.c"d` →
 * `['ab.cd']`. Throws a {@link NameError} for an empty name, an empty part
 * (`a..b`, a leading or trailing dot) or an unterminated quote.
 */
export function splitIdentifiers(text) {
    if (text === '')
        throw new NameError('the name is empty');
    const parts = [];
    let current = '';
    let hasContent = false;
    let i = 0;
    while (i < text.length) {
        const ch = text[i];
        if (ch === '"') {
            hasContent = true;
            const run = readQuoted(text, i);
            if (run === null)
                throw new NameError(`unterminated quote in ${JSON.stringify(text)}`);
            current += run.literal;
            i = run.end;
        }
        else if (ch === '.') {
            if (!hasContent || current === '')
                throw new NameError(`empty name part in ${JSON.stringify(text)}`);
            parts.push(current);
            current = '';
            hasContent = false;
            i++;
        }
        else {
            current += ch;
            hasContent = true;
            i++;
        }
    }
    if (!hasContent || current === '')
        throw new NameError(`empty name part in ${JSON.stringify(text)}`);
    parts.push(current);
    return parts;
}
/**
 * `leads` → `{ schema: defaultSchema, name: 'leads' }`; `billing.invoices` →
 * `{ schema: 'billing', name: 'invoices' }`; `'"my.table"'` → one name,
 * `my.table`. Throws a {@link NameError} for a malformed name or more than
 * two parts.
 *
 * The spec's rule for unqualified references (`references: { table:
 * clients }`, `partitionOf.table`, `ownedBy`, enum type names): they are in
 * the schema of the object that contains them. Pass that object's schema as
 * `defaultSchema`.
 */
export function splitQualified(name, defaultSchema) {
    const parts = splitIdentifiers(name);
    if (parts.length === 1)
        return { schema: defaultSchema, name: parts[0] };
    if (parts.length === 2)
        return { schema: parts[0], name: parts[1] };
    throw new NameError(`${JSON.stringify(name)} has ${parts.length} parts (expected name or schema.name)`);
}
/**
 * The key of a spec object in `LoadedSpec`'s maps: `public.leads`, parts
 * quoted as PostgreSQL needs (`public."Lead Notes"`, `public."my.table"`), so
 * `splitQualified(key, anything)` gives the schema and name back.
 */
export function qualifiedKey(schema, name) {
    return displayName(schema, name);
}
/**
 * One part of a name as a spec writes it: as is, unless it holds a dot or
 * a double quote; then double-quoted (`"my.table"`), as
 * {@link splitIdentifiers} reads it.
 */
export function namePart(name) {
    return /[."]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
}
/** The key of an object as `snapshot` writes it: `schema.name`, unqualified in `public`. */
export function specName(schema, name) {
    return schema === 'public' ? namePart(name) : `${namePart(schema)}.${namePart(name)}`;
}
/**
 * A name inside a node (a reference, a partition's parent, a sequence's
 * owner) as `snapshot` writes it: unqualified only when both it and the
 * object naming it are in `public`, so it reads the same whether an
 * unqualified name means the file's default schema or the naming object's.
 */
export function refName(fromSchema, schema, name) {
    return fromSchema === 'public' ? specName(schema, name) : `${namePart(schema)}.${namePart(name)}`;
}
//# sourceMappingURL=names.js.map