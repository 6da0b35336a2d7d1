/**
 * Privileges and owners in the spec (issue #12): the roles a spec governs
 * (`roles:`), each object's `owner:` and `grants:` (tables, their columns,
 * views, sequences, functions, schemas, enums, domains and types), and
 * `default_privileges:`. Roles are cluster-wide and differ between
 * environments, so a spec only speaks of the roles it names in `roles:`
 * (an owner or grantee it does not govern is a problem), each optionally
 * known by another name on the audited server:
 *
 *   roles:
 *     - app
 *     - { name: readonly, as: readonly_prod }
 *   tables:
 *     leads:
 *       owner: app
 *       grants: { readonly: [SELECT], app: [SELECT, INSERT, UPDATE WITH GRANT OPTION] }
 *       columns:
 *         email: { type: text, grants: { readonly: [SELECT] } }
 *   default_privileges:
 *     - { role: app, schema: public, on: tables, grants: { readonly: [SELECT] } }
 *
 * `grants:` is the object's whole list for the governed roles and PUBLIC:
 * written, the DDL first revokes what PUBLIC holds by default (EXECUTE on a
 * function, USAGE on a type) and grants what is listed; left out, the object
 * has what PostgreSQL gives a new one. The DDL is loaded into a scratch
 * database only, whose loader creates the governed roles there (NOLOGIN).
 * `database: grants:` is the same for the database the DDL runs in
 * (current_database(); PUBLIC's default CONNECT and TEMPORARY revoked).
 * What `snapshot --role` writes: spec-from-model.ts.
 */
import { quoteIdent } from '../../model/identifiers.js';
import type { SpecDefaultPrivileges, SpecGrants, SpecRole } from './spec-json.js';
import { splitQualified } from '../../spec-file/names.js';
import { isRecord } from '../../spec-file/values.js';
import { argumentTypesOnly } from '../function/ddl.js';
import type { RoleMapping } from './govern.js';
import { PUBLIC_GRANTEE, type AclObject, type AclObjectKind, type DefaultAclObjects } from './model.js';
import { granteeSql, grantTarget, onDatabase, ownerSql } from './sql.js';

/** The privileges GRANT takes on each kind of object (ALL expands to them). */
const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'];
const PRIVILEGES: Readonly<Record<string, readonly string[]>> = {
  table: TABLE_PRIVILEGES,
  view: TABLE_PRIVILEGES,
  'materialized view': TABLE_PRIVILEGES,
  column: ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'],
  sequence: ['USAGE', 'SELECT', 'UPDATE'],
  function: ['EXECUTE'],
  procedure: ['EXECUTE'],
  aggregate: ['EXECUTE'],
  schema: ['USAGE', 'CREATE'],
  database: ['CONNECT', 'TEMPORARY', 'CREATE'],
  type: ['USAGE'],
  domain: ['USAGE'],
};
const DEFAULT_ACL_KIND: Readonly<Record<DefaultAclObjects, string>> = { tables: 'table', sequences: 'sequence', functions: 'function', types: 'type', schemas: 'schema' };

// ---------------------------------------------------------------------------
// Roles

/** The name of a `roles:` item. */
export function specRoleName(role: unknown): string | undefined {
  if (typeof role === 'string') return role;
  return isRecord(role) && typeof role.name === 'string' ? role.name : undefined;
}

/** The governed roles of a spec's `roles:`, as the diff takes them. */
export function specRoleMappings(roles: readonly SpecRole[]): RoleMapping[] {
  const out: RoleMapping[] = [];
  for (const r of roles) {
    const name = specRoleName(r);
    if (name === undefined || out.some((m) => m.expected === name)) continue;
    const live = typeof r === 'string' ? name : (r.as ?? name);
    out.push({ expected: name, live });
  }
  return out;
}

/** True for the grantee PUBLIC (any case: no role may be called public). */
export function isPublic(role: string): boolean {
  return role.toUpperCase() === PUBLIC_GRANTEE;
}

// ---------------------------------------------------------------------------
// The spec's objects that carry privileges

/** An object of the spec with what it says of its owner and privileges. */
export interface SpecAclTarget {
  readonly object: AclObject;
  /** What it is, in messages: `table`, `column`. */
  readonly what: string;
  readonly owner: unknown;
  readonly grants: unknown;
  /** Its logical path (see LoadedSpec.locate). */
  readonly path: readonly string[];
  /** A sequence owned by a column (it has its table's owner). */
  readonly ownedBy?: boolean;
}

/** The loaded spec's parts this module reads. */
export interface PrivilegeSpecParts {
  /** The `schemas:` items as written. */
  readonly schemaItems: readonly unknown[];
  readonly enums: ReadonlyMap<string, unknown>;
  readonly domains: ReadonlyMap<string, unknown>;
  readonly types: ReadonlyMap<string, unknown>;
  readonly sequences: ReadonlyMap<string, unknown>;
  readonly functions: ReadonlyMap<string, unknown>;
  readonly tables: ReadonlyMap<string, unknown>;
  readonly views: ReadonlyMap<string, unknown>;
  readonly roles: readonly SpecRole[];
  readonly defaultPrivileges: readonly SpecDefaultPrivileges[];
  /** `database:` as written. */
  readonly database?: unknown;
}

function acl(kind: AclObjectKind, schema: string, name: string, extra: Partial<AclObject> = {}): AclObject {
  return { kind, schema, name, owner: null, grants: [], ...extra };
}

function kindOwnedBy(object: AclObject, node: Record<string, unknown>): boolean {
  return object.kind === 'sequence' && typeof node.ownedBy === 'string';
}

/** Every object of the spec that may say `owner:` or `grants:`, whether it does or not. */
export function specAclTargets(spec: PrivilegeSpecParts): SpecAclTarget[] {
  const out: SpecAclTarget[] = [];
  const add = (object: AclObject, what: string, node: unknown, path: readonly string[]): void => {
    if (isRecord(node)) out.push({ object, what, owner: node.owner, grants: node.grants, path, ...(kindOwnedBy(object, node) ? { ownedBy: true } : {}) });
  };
  add(acl('database', '', ''), 'database', spec.database, ['database']);
  spec.schemaItems.forEach((item, i) => {
    if (isRecord(item) && typeof item.name === 'string') add(acl('schema', item.name, item.name), 'schema', item, ['schemas', String(i)]);
  });
  const simple = (section: 'enums' | 'domains' | 'types' | 'sequences', kind: AclObjectKind, what: string): void => {
    for (const [key, node] of spec[section]) {
      const { schema, name } = splitQualified(key, 'public');
      add(acl(kind, schema, name), what, node, [section, schema, name]);
    }
  };
  simple('enums', 'type', 'enum');
  simple('domains', 'domain', 'domain');
  simple('types', 'type', 'type');
  simple('sequences', 'sequence', 'sequence');
  for (const [key, entry] of spec.functions) {
    const { schema, name } = splitQualified(key, 'public');
    const list = Array.isArray(entry) ? (entry as unknown[]) : [entry];
    list.forEach((f, i) => {
      if (!isRecord(f)) return;
      const kind = f.kind === 'procedure' ? 'procedure' : f.kind === 'aggregate' ? 'aggregate' : 'function';
      const args = typeof f.arguments === 'string' ? argumentTypesOnly(f.arguments) : '';
      add(acl(kind, schema, name, { arguments: args }), kind, f, Array.isArray(entry) ? ['functions', schema, name, String(i)] : ['functions', schema, name]);
    });
  }
  for (const [key, table] of spec.tables) {
    const { schema, name } = splitQualified(key, 'public');
    add(acl('table', schema, name), 'table', table, ['tables', schema, name]);
    if (!isRecord(table) || !isRecord(table.columns)) continue;
    for (const [column, node] of Object.entries(table.columns)) {
      add(acl('column', schema, name, { column }), 'column', node, ['tables', schema, name, 'columns', column]);
    }
  }
  for (const [key, view] of spec.views) {
    const { schema, name } = splitQualified(key, 'public');
    const kind = isRecord(view) && view.materialized === true ? 'materialized view' : 'view';
    add(acl(kind, schema, name), kind, view, ['views', schema, name]);
    if (!isRecord(view) || !isRecord(view.column_grants)) continue;
    for (const [column, grants] of Object.entries(view.column_grants)) {
      add(acl('column', schema, name, { column }), 'column', { grants }, ['views', schema, name, 'column_grants', column]);
    }
  }
  return out;
}

/** A privilege as written, parsed: its name in upper case, and whether WITH GRANT OPTION follows. */
export function parsePrivilege(written: string): { privilege: string; grantable: boolean } | null {
  const m = /^\s*([A-Za-z]+)(\s+PRIVILEGES)?(\s+WITH\s+GRANT\s+OPTION)?\s*$/i.exec(written);
  if (m === null) return null;
  // TEMP is GRANT's other spelling of TEMPORARY (the database's privilege).
  const privilege = m[1]!.toUpperCase() === 'TEMP' ? 'TEMPORARY' : m[1]!.toUpperCase();
  if (m[2] !== undefined && privilege !== 'ALL') return null;
  return { privilege, grantable: m[3] !== undefined };
}

// ---------------------------------------------------------------------------
// Checks of meaning

/**
 * Problems of the spec's roles, owners and grants: a role named twice (or
 * mapped to two names), an owner or grantee not in `roles:`, a privilege
 * the object's kind does not take.
 */
export function checkPrivileges(spec: PrivilegeSpecParts, report: (path: readonly string[], message: string) => void): void {
  const governed = new Map<string, string>();
  spec.roles.forEach((r, i) => {
    const name = specRoleName(r);
    if (name === undefined) return;
    const live = typeof r === 'string' ? name : (r.as ?? name);
    if (isPublic(name) || isPublic(live)) {
      report(['roles', String(i)], 'PUBLIC is governed whenever any role is; it is not a role to name here');
      return;
    }
    const known = governed.get(name);
    if (known !== undefined && known !== live) report(['roles', String(i)], `the role ${name} is already named, as ${known}`);
    governed.set(name, live);
  });
  const hint = governed.size === 0 ? ' (the spec has no roles: section)' : ` (roles: ${[...governed.keys()].join(', ')})`;
  const checkGrants = (grants: unknown, kind: string, what: string, path: readonly string[]): void => {
    if (!isRecord(grants)) return;
    for (const [role, list] of Object.entries(grants)) {
      if (!isPublic(role) && !governed.has(role)) report([...path, role], `grants to ${role}, a role the spec does not govern: add it to roles:${hint}`);
      if (!Array.isArray(list)) continue;
      list.forEach((p, i) => {
        if (typeof p !== 'string') return;
        const parsed = parsePrivilege(p);
        const allowed = PRIVILEGES[kind] ?? [];
        if (parsed === null || (parsed.privilege !== 'ALL' && !allowed.includes(parsed.privilege))) {
          report([...path, role, String(i)], `unknown privilege '${p}' for ${what} (allowed: ${[...allowed, 'ALL'].join(', ')}, each optionally WITH GRANT OPTION)`);
        } else if (isPublic(role) && parsed.grantable) {
          report([...path, role, String(i)], 'PUBLIC cannot hold a grant option');
        }
      });
    }
  };
  for (const t of specAclTargets(spec)) {
    if (t.owner !== undefined && typeof t.owner === 'string') {
      if (t.object.kind === 'column') report([...t.path, 'owner'], 'a column has no owner of its own (its table has)');
      else if (t.ownedBy) report([...t.path, 'owner'], 'a sequence owned by a column has its table\'s owner: write the owner on the table');
      else if (!governed.has(t.owner)) report([...t.path, 'owner'], `owner ${t.owner} is not a role the spec governs: add it to roles:${hint}`);
    }
    checkGrants(t.grants, t.object.kind, `a ${t.what}`, [...t.path, 'grants']);
  }
  spec.defaultPrivileges.forEach((rule, i) => {
    if (!isRecord(rule)) return;
    const path = ['default_privileges', String(i)];
    if (typeof rule.role === 'string' && !governed.has(rule.role)) report([...path, 'role'], `default privileges of ${rule.role}, a role the spec does not govern: add it to roles:${hint}`);
    const on = typeof rule.on === 'string' && rule.on in DEFAULT_ACL_KIND ? (rule.on as DefaultAclObjects) : undefined;
    if (on !== undefined) checkGrants(rule.grants, DEFAULT_ACL_KIND[on], `new ${on}`, [...path, 'grants']);
    if (typeof rule.schema === 'string' && on === 'schemas') report([...path, 'schema'], 'default privileges on schemas apply to every schema: IN SCHEMA is not allowed with them');
  });
  // The same rule twice.
  const seen = new Map<string, number>();
  spec.defaultPrivileges.forEach((rule, i) => {
    if (!isRecord(rule)) return;
    const key = `${String(rule.role)}\u0000${String(rule.schema ?? '')}\u0000${String(rule.on)}`;
    const first = seen.get(key);
    if (first !== undefined) report(['default_privileges', String(i)], `the same rule as default_privileges item ${first}: write its grants once`);
    else seen.set(key, i);
  });
}

// ---------------------------------------------------------------------------
// DDL

/** One statement and the spec node it comes from. */
interface Statement {
  readonly sql: string;
  readonly path: readonly string[];
}

/**
 * A GRANT or REVOKE (`what`, e.g. `GRANT SELECT, INSERT`) on an object, with
 * what follows it (`to`: ` TO app`): on the database, the one the DDL runs in.
 */
type OnObject = (what: string, to: string) => string;

/** `prefix what ON target to`. */
function onTarget(target: string, prefix: string): OnObject {
  return (what, to) => `${prefix}${what} ON ${target}${to}`;
}

/** On the database the DDL runs in, whatever its name (current_database(), in a DO block). */
const onTheDatabase: OnObject = (what, to) => onDatabase(`${what} ON`, to);

/** The grants of a `grants:` node, with names as written (PUBLIC spelt PUBLIC), grouped by role and grant option. */
function grantStatements(object: AclObject, grants: SpecGrants, on: OnObject, path: readonly string[]): Statement[] {
  const out: Statement[] = [];
  for (const [role, list] of Object.entries(grants)) {
    const grantee = isPublic(role) ? PUBLIC_GRANTEE : role;
    for (const grantable of [false, true]) {
      const privileges = list.map(parsePrivilege).filter((p): p is { privilege: string; grantable: boolean } => p !== null && p.grantable === grantable);
      if (privileges.length === 0) continue;
      const names = privileges.map((p) => (object.kind === 'column' ? `${p.privilege} (${quoteIdent(object.column ?? '')})` : p.privilege));
      out.push({ sql: on(`GRANT ${names.join(', ')}`, ` TO ${granteeSql(grantee)}${grantable ? ' WITH GRANT OPTION' : ''}`), path: [...path, role] });
    }
  }
  return out;
}

/** ALTER … OWNER TO, then (when `grants:` is written) REVOKE what PUBLIC holds and GRANT what is listed, for every object of the spec. */
export function specPrivilegeDdl(spec: PrivilegeSpecParts): Statement[] {
  const out: Statement[] = [];
  for (const t of specAclTargets(spec)) {
    if (typeof t.owner === 'string' && t.object.kind !== 'column' && !t.ownedBy) {
      const sql = ownerSql(t.object, t.owner);
      if (sql !== null) out.push({ sql, path: [...t.path, 'owner'] });
    }
    if (!isRecord(t.grants)) continue;
    const target = grantTarget(t.object);
    const on = t.object.kind === 'database' ? onTheDatabase : target === null ? null : onTarget(target, '');
    if (on === null) continue;
    if (t.object.kind !== 'column') out.push({ sql: on('REVOKE ALL', ' FROM PUBLIC'), path: [...t.path, 'grants'] });
    out.push(...grantStatements(t.object, t.grants as SpecGrants, on, [...t.path, 'grants']));
  }
  spec.defaultPrivileges.forEach((rule, i) => {
    const schema = rule.schema ?? '';
    const object = acl('default privileges', schema, rule.role, { objects: rule.on });
    const prefix = `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(rule.role)}${schema === '' ? '' : ` IN SCHEMA ${quoteIdent(schema)}`} `;
    const target = rule.on.toUpperCase();
    const path = ['default_privileges', String(i), 'grants'];
    // Database-wide, the rule replaces the built-in defaults (EXECUTE on functions, USAGE on types to PUBLIC).
    const on = onTarget(target, prefix);
    if (schema === '') out.push({ sql: on('REVOKE ALL', ' FROM PUBLIC'), path });
    out.push(...grantStatements(object, rule.grants, on, path));
  });
  return out;
}

/**
 * Whether the spec declares the database's privileges (`database: grants:`):
 * its DDL gives them to the scratch database, so they are compared (see
 * govern.ts); as the expected side's governance.
 */
export function specDatabaseDeclared(spec: Pick<PrivilegeSpecParts, 'database'>): { databaseDeclared?: boolean } {
  return isRecord(spec.database) && isRecord(spec.database.grants) ? { databaseDeclared: true } : {};
}

/** The governed roles the spec's DDL names (owners, grantees): the scratch server creates them. */
export function specGovernedRoles(spec: PrivilegeSpecParts): string[] {
  return specRoleMappings(spec.roles).map((r) => r.expected);
}
