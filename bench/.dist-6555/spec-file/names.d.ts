/** A malformed name (empty part, unterminated quote, too many parts). */
export declare class NameError extends Error {
}
/**
 * Split a dotted name into its parts: `billing.invoices` → `['billing',
 * 'invoices']`, `public."my.table"` → `['public', 'my.table']`, `a"b.c"d` →
 * `['ab.cd']`. Throws a {@link NameError} for an empty name, an empty part
 * (`a..b`, a leading or trailing dot) or an unterminated quote.
 */
export declare function splitIdentifiers(text: string): string[];
/** A schema-qualified name. */
export interface QualifiedName {
    readonly schema: string;
    readonly name: string;
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
export declare function splitQualified(name: string, defaultSchema: string): QualifiedName;
/**
 * The key of a spec object in `LoadedSpec`'s maps: `public.leads`, parts
 * quoted as PostgreSQL needs (`public."Lead Notes"`, `public."my.table"`), so
 * `splitQualified(key, anything)` gives the schema and name back.
 */
export declare function qualifiedKey(schema: string, name: string): string;
/**
 * One part of a name as a spec writes it: as is, unless it holds a dot or
 * a double quote; then double-quoted (`"my.table"`), as
 * {@link splitIdentifiers} reads it.
 */
export declare function namePart(name: string): string;
/** The key of an object as `snapshot` writes it: `schema.name`, unqualified in `public`. */
export declare function specName(schema: string, name: string): string;
/**
 * A name inside a node (a reference, a partition's parent, a sequence's
 * owner) as `snapshot` writes it: unqualified only when both it and the
 * object naming it are in `public`, so it reads the same whether an
 * unqualified name means the file's default schema or the naming object's.
 */
export declare function refName(fromSchema: string, schema: string, name: string): string;
