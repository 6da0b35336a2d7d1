/**
 * What the audit role may read (issue #12, "seen versus missing").
 *
 * Measured on PostgreSQL 14 and 17 (scripts/visibility-probe.mjs): every
 * catalog schema-audit reads is readable by PUBLIC in a default
 * installation, so a role with CONNECT alone reads the same model as a
 * superuser, USAGE on the schemas or not. What differs is what a DBA has
 * revoked: `REVOKE SELECT ON pg_catalog.pg_proc FROM PUBLIC` (or every
 * column but `prosrc`) is a known way of hiding function source, and some
 * hardened installations do the same with other catalogs. A statement over
 * such a catalog fails with "permission denied" and, before this module,
 * failed the whole read.
 *
 * So each kind's statement is looked at before it runs: the pg_catalog
 * relations it reads (from its SQL text) are checked for SELECT in the
 * server statement (server.ts, no statement of its own), and a kind one of
 * whose catalogs the role may not read is not read: its section is empty and
 * the kind is reported as not visible to the role, and an audit compares
 * none of its objects (they are not missing: unseen). Column-level grants
 * count as not readable (the statements read whole rows' worth of columns).
 * Catalogs every read needs (pg_class, pg_namespace, pg_attribute, ...: the
 * tables' statements and the consistency check) still fail the read, with
 * the catalog named.
 */
import type { Kysely } from 'kysely';
import type { NotVisibleKind } from '../introspector.js';

/**
 * The pg_catalog relations a statement reads: `pg_catalog.pg_x` not called
 * as a function and not inside a quoted `'pg_catalog.pg_x'::regclass`
 * literal (an OID constant, read from no table).
 */
export function catalogRelations(sqlText: string): string[] {
  const found = new Set<string>();
  for (const m of sqlText.matchAll(/(?<!['.\w])pg_catalog\.(pg_[a-z_0-9]+)\b(?!\s*\()/g)) found.add(`pg_catalog.${m[1]!}`);
  return [...found].sort();
}

/** The relations of each statement, by the kind it reads (compiled, never run). */
export function relationsByKind(db: Kysely<unknown>, statements: ReadonlyMap<string, readonly { compile: (db: Kysely<unknown>) => { sql: string } }[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [kind, list] of statements) {
    out.set(kind, [...new Set(list.flatMap((s) => catalogRelations(s.compile(db).sql)))].sort());
  }
  return out;
}

/**
 * Relations whose source column a DBA may hide while granting the rest
 * (`GRANT SELECT (every column but prosrc) ON pg_proc TO PUBLIC`), and the
 * one kind that reads that column: the other kinds' statements read only
 * the other columns (names, arguments, ACLs), so they stay readable.
 */
export const SOURCE_COLUMN: Readonly<Record<string, { readonly column: string; readonly kind: string }>> = {
  'pg_catalog.pg_proc': { column: 'prosrc', kind: 'function' },
};

/**
 * The kinds (in the map's order) one of whose relations is in `hidden`, with
 * those relations; a relation in `butSource` (every column readable but its
 * SOURCE_COLUMN) hides only the kind that reads that column.
 */
export function hiddenKinds(relations: ReadonlyMap<string, readonly string[]>, hidden: ReadonlySet<string>, butSource: ReadonlySet<string> = new Set()): NotVisibleKind[] {
  return [...relations].flatMap(([kind, rels]) => {
    const lacks = rels.filter((r) => hidden.has(r) && !(butSource.has(r) && SOURCE_COLUMN[r]?.kind !== kind));
    return lacks.length > 0 ? [{ kind, lacks }] : [];
  });
}
