/** Policies from the catalog: the `pg_policy` rows of the tables in scope, streamed (see kind-catalog.ts). */
import { sql } from 'kysely';
import type { CatalogScope, MemberCatalog } from '../../introspect/postgres/kind-catalog.js';
import type { CatalogQuery, RowOf } from '../../introspect/postgres/stream-rows.js';
import { tableScope } from '../../introspect/postgres/table-scope.js';
import { compareText } from '../../model/sort.js';
import type { Policy, PolicyCommand } from './model.js';

/** The select list of {@link policiesQuery}. */
export const POLICY_FIELDS = ['table_oid', 'name', 'command', 'permissive', 'roles', 'using', 'with_check', 'comment'] as const;

/**
 * Every policy of the tables in scope: its expressions as the server
 * deparses them (`pg_get_expr`, settings pinned by the introspection), its
 * roles by name (0 is PUBLIC), as a JSON array. No ORDER BY: each table's
 * policies are sorted by name when it is assembled.
 */
export function policiesQuery(scope: CatalogScope): CatalogQuery<typeof POLICY_FIELDS> {
  return {
    fields: POLICY_FIELDS,
    sql: sql`
      with ${tableScope(scope)}
      select p.polrelid as table_oid, p.polname as name, p.polcmd as command, p.polpermissive as permissive,
             (select pg_catalog.json_agg(case when r.oid = 0 then 'public' else pg_catalog.pg_get_userbyid(r.oid)::text end)::text
              from pg_catalog.unnest(p.polroles) as r(oid)) as roles,
             pg_catalog.pg_get_expr(p.polqual, p.polrelid) as using,
             pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) as with_check,
             d.description as comment
      from scope
      join pg_catalog.pg_policy p on p.polrelid = scope.oid
      left join pg_catalog.pg_description d                  -- policy comment
        on d.objoid = p.oid and d.classoid = 'pg_catalog.pg_policy'::regclass and d.objsubid = 0`,
  };
}

const COMMANDS: Readonly<Record<string, PolicyCommand>> = { '*': 'all', r: 'select', a: 'insert', w: 'update', d: 'delete' };

/** Roles sorted, PUBLIC as `public`. */
export function sortRoles(roles: Iterable<string>): string[] {
  return [...new Set(roles)].sort(compareText);
}

/** A policy row as a model policy. */
export function decodePolicy(row: RowOf<typeof POLICY_FIELDS>): Policy {
  const [, name, command, permissive, roles, using, check, comment] = row;
  return {
    name: name!,
    command: COMMANDS[command ?? '*'] ?? 'all',
    permissive: permissive !== 'f',
    roles: sortRoles(roles ? (JSON.parse(roles) as string[]) : ['public']),
    using: using ?? null,
    check: check ?? null,
    comment: comment ?? null,
  };
}

/** How policies are read: see kind-catalog.ts. */
export const POLICY_CATALOG: MemberCatalog = { role: 'member', statements: [{ step: 'policy', query: policiesQuery }] };
