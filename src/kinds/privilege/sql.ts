/** SQL for privileges and owners: GRANT, REVOKE, ALTER DEFAULT PRIVILEGES, ALTER … OWNER TO; every name quoted. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { doBlock } from '../sql.js';
import { PUBLIC_GRANTEE, type AclObject, type Grant } from './model.js';

/** A grantee as GRANT writes it: the keyword PUBLIC, or a quoted role name. */
export function granteeSql(role: string): string {
  return role === PUBLIC_GRANTEE ? 'PUBLIC' : quoteIdent(role);
}

/** What follows ON in GRANT (`TABLE public.t`, `ROUTINE public.f(integer)`), or null for the database (its name is the server's: see {@link onDatabase}). */
export function grantTarget(o: AclObject): string | null {
  switch (o.kind) {
    case 'schema':
      return `SCHEMA ${quoteIdent(o.schema)}`;
    case 'sequence':
      return `SEQUENCE ${qualifiedName(o.schema, o.name)}`;
    case 'function':
    case 'procedure':
    case 'aggregate':
      return `ROUTINE ${qualifiedName(o.schema, o.name)}(${o.arguments ?? ''})`;
    case 'type':
      return `TYPE ${qualifiedName(o.schema, o.name)}`;
    case 'domain':
      return `DOMAIN ${qualifiedName(o.schema, o.name)}`;
    case 'table':
    case 'view':
    case 'materialized view':
    case 'foreign table':
    case 'column':
      return `TABLE ${qualifiedName(o.schema, o.name)}`;
    case 'default privileges':
      return (o.objects ?? 'tables').toUpperCase();
    default:
      return null;
  }
}

/** `ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s] `, for default privileges; '' otherwise. */
function prefix(o: AclObject): string {
  if (o.kind !== 'default privileges') return '';
  return `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(o.name)}${o.schema === '' ? '' : ` IN SCHEMA ${quoteIdent(o.schema)}`} `;
}

/** `SELECT` or, on a column, `SELECT (c)`. */
function privilegeSql(o: AclObject, g: Grant): string {
  return o.kind === 'column' ? `${g.privilege} (${quoteIdent(o.column ?? '')})` : g.privilege;
}

/**
 * A statement on the database the file runs in, whatever its name on this
 * server (names differ between environments): `before` + DATABASE +
 * current_database() + `after`, run by EXECUTE in a DO block.
 */
export function onDatabase(before: string, after: string): string {
  return doBlock([`EXECUTE ${quoteLiteral(`${before} DATABASE `)} || pg_catalog.quote_ident(pg_catalog.current_database()) || ${quoteLiteral(after)};`]);
}

/** GRANT one privilege (with its grant option when `g.grantable`). */
export function grantSql(o: AclObject, g: Grant): string | null {
  const to = ` TO ${granteeSql(g.grantee)}${g.grantable ? ' WITH GRANT OPTION' : ''}`;
  if (o.kind === 'database') return onDatabase(`GRANT ${g.privilege} ON`, to);
  const target = grantTarget(o);
  if (target === null) return null;
  return `${prefix(o)}GRANT ${privilegeSql(o, g)} ON ${target}${to}`;
}

/** REVOKE one privilege, or only its grant option. */
export function revokeSql(o: AclObject, g: Grant, optionOnly: boolean): string | null {
  const what = `REVOKE ${optionOnly ? 'GRANT OPTION FOR ' : ''}${privilegeSql(o, g)} ON`;
  const from = ` FROM ${granteeSql(g.grantee)}`;
  if (o.kind === 'database') return onDatabase(what, from);
  const target = grantTarget(o);
  if (target === null) return null;
  return `${prefix(o)}${what} ${target}${from}`;
}

const ALTER_KIND: Readonly<Record<string, string>> = {
  schema: 'SCHEMA',
  sequence: 'SEQUENCE',
  function: 'ROUTINE',
  procedure: 'ROUTINE',
  aggregate: 'ROUTINE',
  type: 'TYPE',
  domain: 'DOMAIN',
  table: 'TABLE',
  view: 'VIEW',
  'materialized view': 'MATERIALIZED VIEW',
  'foreign table': 'FOREIGN TABLE',
};

/** ALTER … OWNER TO `owner`, or null for what has no such statement here (the database, columns, rules). */
export function ownerSql(o: AclObject, owner: string): string | null {
  const kind = ALTER_KIND[o.kind];
  if (kind === undefined) return null;
  const name = o.kind === 'schema' ? quoteIdent(o.schema) : qualifiedName(o.schema, o.name);
  const args = o.kind === 'function' || o.kind === 'procedure' || o.kind === 'aggregate' ? `(${o.arguments ?? ''})` : '';
  return `ALTER ${kind} ${name}${args} OWNER TO ${quoteIdent(owner)}`;
}

/** A role name for a suggested CREATE ROLE (PUBLIC never reaches here). */
export function quoteRoleForCreate(role: string): string {
  return quoteIdent(role);
}
