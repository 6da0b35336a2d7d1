/**
 * Collations from the catalog (`pg_collation`), in one statement. The columns
 * differ by major: PostgreSQL 14 keeps an ICU collation's locale in
 * `collcollate`/`collctype`, 15 and 16 in `colliculocale`, 17+ in
 * `colllocale` (also the builtin provider's); ICU rules (`collicurules`)
 * exist from 16. The decoder makes one model of them all.
 */
import { sql, type RawBuilder } from 'kysely';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { sortBy } from '../../model/sort.js';
import type { Collation } from './model.js';

/** A row of {@link collationsQuery}. */
export interface RawCollationRow {
  schema: string;
  name: string;
  /** 'c' (libc), 'i' (icu), 'b' (builtin), 'd' (the database default: never a user's). */
  provider: string;
  collate: string | null;
  ctype: string | null;
  /** colliculocale (15, 16) or colllocale (17+); null before 15. */
  locale: string | null;
  rules: string | null;
  deterministic: boolean;
  comment: string | null;
}

/** The column that holds an ICU (or builtin) locale on `major`, or null. */
function localeColumn(major: number): string {
  if (major >= 17) return 'co.colllocale';
  if (major >= 15) return 'co.colliculocale';
  return 'null::text';
}

/** The collations in scope, made by users (not PostgreSQL's, not an extension's). */
export function collationsQuery({ schemas, excludeSchemas, major }: CatalogScope): RawBuilder<RawCollationRow> {
  return sql<RawCollationRow>`
    select n.nspname as schema, co.collname as name, co.collprovider::text as provider,
           co.collcollate::text as collate, co.collctype::text as ctype,
           ${sql.raw(localeColumn(major))}::text as locale,
           ${sql.raw(major >= 16 ? 'co.collicurules' : 'null::text')}::text as rules,
           co.collisdeterministic as deterministic,
           d.description as comment
    from pg_catalog.pg_collation co
    join pg_catalog.pg_namespace n on n.oid = co.collnamespace
    left join pg_catalog.pg_description d                  -- collation comment
      on d.objoid = co.oid and d.classoid = 'pg_catalog.pg_collation'::regclass and d.objsubid = 0
    where co.oid >= 16384
      and ${schemaFilter('n', schemas, excludeSchemas)}
      and ${notExtensionMember('co.oid', 'pg_catalog.pg_collation')}
    order by n.nspname, co.collname`;
}

/** One model collation from a row of any major. */
export function toCollation(r: RawCollationRow): Collation {
  const provider = r.provider === 'i' ? 'icu' : r.provider === 'b' ? 'builtin' : 'libc';
  const base = { schema: r.schema, name: r.name, provider, rules: r.rules, deterministic: r.deterministic, comment: r.comment } as const;
  if (provider !== 'libc') return { ...base, locale: r.locale ?? r.collate, lcCollate: null, lcCtype: null };
  if (r.collate === r.ctype) return { ...base, locale: r.collate, lcCollate: null, lcCtype: null };
  return { ...base, locale: null, lcCollate: r.collate, lcCtype: r.ctype };
}

/** The model's collations, sorted by schema and name (code-unit order). */
export function decodeCollations(rows: readonly RawCollationRow[]): Collation[] {
  return sortBy(
    rows.map(toCollation),
    (c) => c.schema,
    (c) => c.name,
  );
}

/** How collations are read: see kind-catalog.ts. */
export const COLLATION_CATALOG = sectionCatalog(collationsQuery, decodeCollations);
