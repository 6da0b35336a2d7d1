/**
 * Objects of kinds schema-audit does not compare: one statement, read in the
 * introspection's snapshot, so a report can say by name what it did not
 * look at (the report's `coverage.notCompared`) instead of printing
 * "No drift" over it.
 *
 * Schema-scoped kinds are read in the schemas read (the same filter as every
 * other catalog statement); database-wide kinds (publications,
 * subscriptions, foreign-data wrappers and servers, casts, languages,
 * access methods, transforms) whatever the schemas, and only those created
 * in this database (OIDs from FirstNormalObjectId, 16384, on: PostgreSQL's
 * own are below it). Objects that belong to an extension are the
 * extension's business and never listed, as everywhere else.
 *
 * A kind leaves this list when it becomes compared: the statement and the
 * `UNCOVERED_KINDS` list change together.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { UncoveredObject } from '../introspector.js';
import { compareText } from '../../model/sort.js';
import { notExtensionMember, schemaFilter } from './system-filters.js';
import type { CatalogScope } from './kind-catalog.js';

/** The kinds the statement lists, in report order, with what to call one and several. */
export const UNCOVERED_KINDS: Readonly<Record<string, { readonly one: string; readonly many: string }>> = {
  rule: { one: 'rule', many: 'rules' },
  'base type': { one: 'base type', many: 'base types' },
  operator: { one: 'operator', many: 'operators' },
  'operator class': { one: 'operator class', many: 'operator classes' },
  'operator family': { one: 'operator family', many: 'operator families' },
  'extended statistics': { one: 'extended statistics object', many: 'extended statistics objects' },
  'text search configuration': { one: 'text search configuration', many: 'text search configurations' },
  'text search dictionary': { one: 'text search dictionary', many: 'text search dictionaries' },
  'text search parser': { one: 'text search parser', many: 'text search parsers' },
  'text search template': { one: 'text search template', many: 'text search templates' },
  conversion: { one: 'conversion', many: 'conversions' },
  'foreign table': { one: 'foreign table', many: 'foreign tables' },
  'foreign server': { one: 'foreign server', many: 'foreign servers' },
  'foreign-data wrapper': { one: 'foreign-data wrapper', many: 'foreign-data wrappers' },
  publication: { one: 'publication', many: 'publications' },
  subscription: { one: 'subscription', many: 'subscriptions' },
  cast: { one: 'cast', many: 'casts' },
  language: { one: 'procedural language', many: 'procedural languages' },
  'access method': { one: 'access method', many: 'access methods' },
  transform: { one: 'transform', many: 'transforms' },
};

/** A row of {@link uncoveredQuery}. */
interface RawUncoveredRow {
  kind: string;
  schema: string | null;
  name: string;
}

/** Objects created in this database (not PostgreSQL's own, which have OIDs below 16384). */
const USER_OID = sql.raw('16384');

/** Catalogs of schema objects named by one column, listed as they are: [kind, catalog, name column, schema column]. */
const NAMED_IN_SCHEMA: readonly (readonly [string, string, string, string])[] = [
  ['extended statistics', 'pg_statistic_ext', 'stxname', 'stxnamespace'],
  ['text search configuration', 'pg_ts_config', 'cfgname', 'cfgnamespace'],
  ['text search dictionary', 'pg_ts_dict', 'dictname', 'dictnamespace'],
  ['text search parser', 'pg_ts_parser', 'prsname', 'prsnamespace'],
  ['text search template', 'pg_ts_template', 'tmplname', 'tmplnamespace'],
  ['conversion', 'pg_conversion', 'conname', 'connamespace'],
];

export function uncoveredQuery(scope: CatalogScope): RawBuilder<RawUncoveredRow> {
  const inScope = schemaFilter('n', scope.schemas, scope.excludeSchemas);
  const rel = (alias: string, catalog: string): RawBuilder<unknown> => notExtensionMember(`${alias}.oid`, catalog);
  // Names from constants above, never from input.
  const named = NAMED_IN_SCHEMA.map(
    ([kind, catalog, name, ns]) => sql`
    union all
    select ${sql.lit(kind)}, n.nspname, x.${sql.raw(name)}
    from pg_catalog.${sql.raw(catalog)} x join pg_catalog.pg_namespace n on n.oid = x.${sql.raw(ns)}
    where ${inScope} and ${rel('x', `pg_catalog.${catalog}`)}`,
  );
  return sql<RawUncoveredRow>`
    select 'rule' as kind, n.nspname::text as schema, (c.relname || '.' || r.rulename)::text as name
    from pg_catalog.pg_rewrite r join pg_catalog.pg_class c on c.oid = r.ev_class
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where r.rulename <> '_RETURN' and ${inScope} and ${rel('c', 'pg_catalog.pg_class')}
    union all
    select 'base type', n.nspname, t.typname
    from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    where t.typtype = 'b' and t.typcategory <> 'A' and t.oid >= ${USER_OID}
      and ${inScope} and ${rel('t', 'pg_catalog.pg_type')}
    union all
    select 'operator', n.nspname,
           o.oprname || '(' || coalesce(pg_catalog.format_type(nullif(o.oprleft, 0), null), 'NONE') || ', '
                            || coalesce(pg_catalog.format_type(nullif(o.oprright, 0), null), 'NONE') || ')'
    from pg_catalog.pg_operator o join pg_catalog.pg_namespace n on n.oid = o.oprnamespace
    where ${inScope} and ${rel('o', 'pg_catalog.pg_operator')}
    union all
    select 'operator class', n.nspname, oc.opcname || ' USING ' || am.amname
    from pg_catalog.pg_opclass oc join pg_catalog.pg_namespace n on n.oid = oc.opcnamespace
    join pg_catalog.pg_am am on am.oid = oc.opcmethod
    where ${inScope} and ${rel('oc', 'pg_catalog.pg_opclass')}
    union all
    -- CREATE OPERATOR CLASS makes a family of the same name: list only families of their own.
    select 'operator family', n.nspname, f.opfname || ' USING ' || am.amname
    from pg_catalog.pg_opfamily f join pg_catalog.pg_namespace n on n.oid = f.opfnamespace
    join pg_catalog.pg_am am on am.oid = f.opfmethod
    where ${inScope} and ${rel('f', 'pg_catalog.pg_opfamily')}
      and not exists (select 1 from pg_catalog.pg_opclass oc
                      where oc.opcfamily = f.oid and oc.opcname = f.opfname and oc.opcnamespace = f.opfnamespace)
    union all
    select 'foreign table', n.nspname, c.relname
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'f' and ${inScope} and ${rel('c', 'pg_catalog.pg_class')}${sql.join(named, sql``)}
    union all
    select 'foreign server', null, s.srvname
    from pg_catalog.pg_foreign_server s
    where ${rel('s', 'pg_catalog.pg_foreign_server')}
    union all
    select 'foreign-data wrapper', null, w.fdwname
    from pg_catalog.pg_foreign_data_wrapper w
    where ${rel('w', 'pg_catalog.pg_foreign_data_wrapper')}
    union all
    select 'publication', null, p.pubname
    from pg_catalog.pg_publication p
    where ${rel('p', 'pg_catalog.pg_publication')}
    union all
    -- Only the columns every role may read (subconninfo is not).
    select 'subscription', null, s.subname
    from pg_catalog.pg_subscription s
    where s.subdbid = (select d.oid from pg_catalog.pg_database d where d.datname = pg_catalog.current_database())
    union all
    select 'cast', null, pg_catalog.format_type(k.castsource, null) || ' AS ' || pg_catalog.format_type(k.casttarget, null)
    from pg_catalog.pg_cast k
    where k.oid >= ${USER_OID} and ${rel('k', 'pg_catalog.pg_cast')}
      -- A range type's casts to its multirange are part of the range type (an internal dependency).
      and not exists (select 1 from pg_catalog.pg_depend d
                      where d.classid = 'pg_catalog.pg_cast'::regclass and d.objid = k.oid and d.deptype = 'i')
    union all
    select 'language', null, l.lanname
    from pg_catalog.pg_language l
    where l.oid >= ${USER_OID} and ${rel('l', 'pg_catalog.pg_language')}
    union all
    select 'access method', null, a.amname
    from pg_catalog.pg_am a
    where a.oid >= ${USER_OID} and ${rel('a', 'pg_catalog.pg_am')}
    union all
    select 'transform', null, pg_catalog.format_type(x.trftype, null) || ' FOR LANGUAGE ' || l.lanname
    from pg_catalog.pg_transform x join pg_catalog.pg_language l on l.oid = x.trflang
    where x.oid >= ${USER_OID} and ${rel('x', 'pg_catalog.pg_transform')}`;
}

/** The objects, by kind (in {@link UNCOVERED_KINDS} order), then schema and name (code-unit order). */
export function decodeUncovered(rows: readonly RawUncoveredRow[]): UncoveredObject[] {
  const rank = new Map(Object.keys(UNCOVERED_KINDS).map((k, i) => [k, i]));
  return rows
    .map((r): UncoveredObject => ({ kind: r.kind, schema: r.schema, name: r.name }))
    .sort(
      (a, b) =>
        (rank.get(a.kind) ?? 99) - (rank.get(b.kind) ?? 99) ||
        compareText(a.schema ?? '', b.schema ?? '') ||
        compareText(a.name, b.name),
    );
}

/** Run the statement in the introspection's transaction. */
export async function queryUncovered(db: Kysely<unknown>, scope: CatalogScope): Promise<UncoveredObject[]> {
  return decodeUncovered((await uncoveredQuery(scope).execute(db)).rows);
}
