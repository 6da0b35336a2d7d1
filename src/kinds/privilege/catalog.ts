/**
 * Privileges and owners from the catalog, in one statement: relations
 * (`relacl`: tables, partitions, views, materialized views, foreign tables,
 * sequences), columns (`attacl`, only where set), functions (`proacl`),
 * schemas (`nspacl`), types and domains (`typacl`), the database
 * (`datacl`), default privileges (`pg_default_acl`); the server's role
 * names are read with the server facts, outside the model. Each ACL is exploded server-side (`aclexplode`, so role
 * names need no parsing); a NULL ACL is exploded as `acldefault` of the
 * object's kind and owner, the privileges it stands for.
 */
import { sql, type RawBuilder } from 'kysely';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { compareText } from '../../model/sort.js';
import { DEFAULT_ACL_OBJECTS, PUBLIC_GRANTEE, type AclObject, type AclObjectKind, type DefaultAclObjects, type Grant } from './model.js';

/** A row of {@link privilegesQuery}. */
export interface RawAclRow {
  kind: string;
  schema: string;
  name: string;
  column: string | null;
  arguments: string | null;
  objects: string | null;
  owner: string | null;
  /** JSON: `[[grantee or '' for PUBLIC, privilege, grantable], ...]`. */
  grants: string;
}

/** `[grantee, privilege, grantable]` triples of an ACL (a NULL ACL: `dflt`, its kind's defaults). */
function exploded(acl: string, dflt: string): RawBuilder<unknown> {
  return sql.raw(`coalesce((select pg_catalog.json_agg(pg_catalog.json_build_array(
      case when x.grantee = 0 then '' else pg_catalog.pg_get_userbyid(x.grantee) end, x.privilege_type, x.is_grantable))
    from pg_catalog.aclexplode(coalesce(${acl}, ${dflt})) x), '[]')::text`);
}

export function privilegesQuery({ schemas }: CatalogScope): RawBuilder<RawAclRow> {
  return sql<RawAclRow>`
    select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table'
                          when 'S' then 'sequence' else 'table' end as kind,
           n.nspname as schema, c.relname as name, null::text as column, null::text as arguments, null::text as objects,
           pg_catalog.pg_get_userbyid(c.relowner) as owner,
           ${exploded('c.relacl', `pg_catalog.acldefault(case c.relkind when 'S' then 's' else 'r' end::"char", c.relowner)`)} as grants
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and ${schemaFilter('n', schemas)}
      and ${notExtensionMember('c.oid', 'pg_catalog.pg_class')}
    union all
    select 'column', n.nspname, c.relname, a.attname::text, null, null, null,
           ${exploded('a.attacl', 'null')}
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_class c on c.oid = a.attrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where a.attacl is not null and a.attnum > 0 and not a.attisdropped
      and c.relkind in ('r', 'p', 'v', 'm', 'f') and ${schemaFilter('n', schemas)}
      and ${notExtensionMember('c.oid', 'pg_catalog.pg_class')}
    union all
    select case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end,
           n.nspname, p.proname, null, pg_catalog.pg_get_function_identity_arguments(p.oid), null,
           pg_catalog.pg_get_userbyid(p.proowner),
           ${exploded('p.proacl', `pg_catalog.acldefault('f', p.proowner)`)}
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where ${schemaFilter('n', schemas)} and ${notExtensionMember('p.oid', 'pg_catalog.pg_proc')}
    union all
    select 'schema', n.nspname, n.nspname, null, null, null, pg_catalog.pg_get_userbyid(n.nspowner),
           ${exploded('n.nspacl', `pg_catalog.acldefault('n', n.nspowner)`)}
    from pg_catalog.pg_namespace n
    where ${schemaFilter('n', schemas)} and ${notExtensionMember('n.oid', 'pg_catalog.pg_namespace')}
    union all
    select case t.typtype when 'd' then 'domain' else 'type' end, n.nspname, t.typname, null, null, null,
           pg_catalog.pg_get_userbyid(t.typowner),
           ${exploded('t.typacl', `pg_catalog.acldefault('T', t.typowner)`)}
    from pg_catalog.pg_type t
    join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    left join pg_catalog.pg_class tc on tc.oid = t.typrelid
    where (t.typtype in ('e', 'd', 'r') or (t.typtype = 'c' and tc.relkind = 'c'))
      and ${schemaFilter('n', schemas)} and ${notExtensionMember('t.oid', 'pg_catalog.pg_type')}
    union all
    select 'database', '', '', null, null, null, pg_catalog.pg_get_userbyid(d.datdba),
           ${exploded('d.datacl', `pg_catalog.acldefault('d', d.datdba)`)}
    from pg_catalog.pg_database d
    where d.datname = pg_catalog.current_database()
    union all
    select 'default privileges', coalesce(n.nspname, ''), pg_catalog.pg_get_userbyid(da.defaclrole), null, null,
           da.defaclobjtype::text, null,
           ${exploded('da.defaclacl', 'null')}
    from pg_catalog.pg_default_acl da
    left join pg_catalog.pg_namespace n on n.oid = da.defaclnamespace
    where da.defaclobjtype in ('r', 'S', 'f', 'T', 'n')
      and (da.defaclnamespace = 0 or ${schemaFilter('n', schemas)})`;
}

const DEFAULT_ACL_OBJTYPE: Readonly<Record<string, DefaultAclObjects>> = { r: 'tables', S: 'sequences', f: 'functions', T: 'types', n: 'schemas' };

/** A sort key: object kind, schema, name, then the parts that tell objects of one name apart. */
export function aclObjectKey(o: AclObject): string {
  return [o.kind, o.schema, o.name, o.column ?? '', o.arguments ?? '', o.objects ?? ''].join('\u0000');
}

/** Grants sorted by grantee, then privilege, without repeats. */
export function sortGrants(grants: readonly Grant[]): Grant[] {
  const seen = new Set<string>();
  const out: Grant[] = [];
  for (const g of grants) {
    const key = `${g.grantee}\u0000${g.privilege}\u0000${g.grantable}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(g);
    }
  }
  return out.sort((a, b) => compareText(a.grantee, b.grantee) || compareText(a.privilege, b.privilege) || Number(a.grantable) - Number(b.grantable));
}

export function decodePrivileges(rows: readonly RawAclRow[]): AclObject[] {
  const out = rows.map((r): AclObject => {
    const triples = JSON.parse(r.grants) as [string, string, boolean][];
    const objects = r.objects === null ? undefined : DEFAULT_ACL_OBJTYPE[r.objects];
    return {
      kind: r.kind as AclObjectKind,
      schema: r.schema,
      name: r.name,
      ...(r.column !== null ? { column: r.column } : {}),
      ...(r.arguments !== null ? { arguments: r.arguments } : {}),
      ...(objects !== undefined ? { objects } : {}),
      owner: r.owner,
      grants: sortGrants(triples.map(([grantee, privilege, grantable]) => ({ grantee: grantee === '' ? PUBLIC_GRANTEE : grantee, privilege, grantable }))),
    };
  });
  return out.sort((a, b) => compareText(aclObjectKey(a), aclObjectKey(b)));
}

/** How privileges are read: see kind-catalog.ts. */
export const PRIVILEGE_CATALOG = sectionCatalog(privilegesQuery, decodePrivileges);

export { DEFAULT_ACL_OBJECTS };
