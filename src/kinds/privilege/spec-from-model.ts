/**
 * What `snapshot --role` writes of privileges (issue #12): the governed
 * roles, each object's `owner:` and `grants:`, `default_privileges:` and
 * `database: grants:`, from a model, where they differ from what a new
 * object (or database) holds. The spec side is spec.ts.
 */
import type { SchemaModel } from '../../model/schema-model.js';
import { setOwn } from '../../model/own.js';
import { namePart, refName, specName } from '../../spec-file/names.js';
import { isRecord } from '../../spec-file/values.js';
import type { RoleMapping } from './govern.js';
import { PUBLIC_GRANTEE, type AclObjectKind, type Grant } from './model.js';
import type { SpecDefaultPrivileges, SpecGrants, SpecPrivileges, SpecRole } from './spec-json.js';
import { specRoleName } from './spec.js';

/** What `snapshot --role` writes: the governed roles, and each object's owner and grants for them. */
export interface ModelPrivileges {
  readonly roles: readonly SpecRole[];
  readonly defaultPrivileges: readonly SpecDefaultPrivileges[];
  /** The database's grants, when they differ from a new database's (CONNECT and TEMPORARY to PUBLIC). */
  readonly database?: SpecGrants;
  /** The owner and grants of an object, by the key of {@link aclTargetKey}. */
  readonly objects: ReadonlyMap<string, SpecPrivileges>;
}

/** A key for an object that carries privileges, the same for a model's ACL entry and a spec's target. */
export function aclTargetKey(kind: AclObjectKind, schema: string, name: string, column = '', args = ''): string {
  const family = kind === 'procedure' || kind === 'aggregate' ? 'function' : kind === 'domain' ? 'domain' : kind;
  return [family, schema, name, column, args].join('\u0000');
}

/** What a new object of this kind holds with nothing said: EXECUTE on routines and USAGE on types to PUBLIC. */
function defaultGrants(kind: AclObjectKind, schema: string): Grant[] | null {
  if (kind === 'function' || kind === 'procedure' || kind === 'aggregate') return [{ grantee: PUBLIC_GRANTEE, privilege: 'EXECUTE', grantable: false }];
  if (kind === 'type' || kind === 'domain') return [{ grantee: PUBLIC_GRANTEE, privilege: 'USAGE', grantable: false }];
  if (kind === 'database') return ['CONNECT', 'TEMPORARY'].map((privilege) => ({ grantee: PUBLIC_GRANTEE, privilege, grantable: false }));
  // The public schema's privileges depend on the server's major: always written.
  if (kind === 'schema' && schema === 'public') return null;
  return [];
}

function sameGrants(a: readonly Grant[], b: readonly Grant[]): boolean {
  const key = (g: Grant): string => `${g.grantee}\u0000${g.privilege}\u0000${g.grantable}`;
  const x = a.map(key).sort();
  const y = b.map(key).sort();
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

/** Grants as the spec writes them: by role, privileges in the model's order. */
function writeGrants(grants: readonly Grant[], name: (live: string) => string): SpecGrants {
  const out: Record<string, string[]> = {};
  for (const g of grants) {
    const role = g.grantee === PUBLIC_GRANTEE ? PUBLIC_GRANTEE : name(g.grantee);
    const list = Object.prototype.hasOwnProperty.call(out, role) ? out[role]! : [];
    list.push(g.grantable ? `${g.privilege} WITH GRANT OPTION` : g.privilege);
    setOwn(out, role, list);
  }
  return out;
}

/**
 * The owners and privileges of a model for the governed roles (live names
 * mapped back to the spec's): an owner when it is governed, grants to the
 * governed roles and PUBLIC but the owner's own, written where they differ
 * from what a new object holds.
 */
export function modelPrivileges(model: SchemaModel, roles: readonly RoleMapping[], inScope: (schema: string) => boolean): ModelPrivileges {
  const byLive = new Map(roles.map((r) => [r.live, r.expected]));
  const name = (live: string): string => byLive.get(live) ?? live;
  const governed = (role: string): boolean => role === PUBLIC_GRANTEE || byLive.has(role);
  const objects = new Map<string, SpecPrivileges>();
  const defaults: SpecDefaultPrivileges[] = [];
  let database: SpecGrants | undefined;
  for (const o of model.privileges ?? []) {
    if (o.kind === 'role' || (o.schema !== '' && !inScope(o.schema))) continue;
    if (o.kind === 'database') {
      // Its owner is not written (the spec has no owner for the database), nor its own privileges.
      const grants = o.grants.filter((g) => governed(g.grantee) && g.grantee !== o.owner);
      if (!sameGrants(grants, defaultGrants('database', '')!)) database = writeGrants(grants, name);
      continue;
    }
    if (o.kind === 'default privileges') {
      if (!byLive.has(o.name) || o.objects === undefined) continue;
      const grants = o.grants.filter((g) => governed(g.grantee) && g.grantee !== o.name);
      const base = o.schema === '' ? (o.objects === 'functions' ? defaultGrants('function', '')! : o.objects === 'types' ? defaultGrants('type', '')! : []) : [];
      if (sameGrants(grants, base)) continue;
      defaults.push({ role: name(o.name), ...(o.schema !== '' ? { schema: o.schema } : {}), on: o.objects, grants: writeGrants(grants, name) });
      continue;
    }
    const out: { owner?: string; grants?: SpecGrants } = {};
    if (o.owner !== null && byLive.has(o.owner) && o.kind !== 'column') out.owner = name(o.owner);
    const grants = o.grants.filter((g) => governed(g.grantee) && g.grantee !== o.owner);
    const base = defaultGrants(o.kind, o.schema);
    if (base === null || !sameGrants(grants, base)) out.grants = writeGrants(grants, name);
    if (out.owner === undefined && out.grants === undefined) continue;
    objects.set(aclTargetKey(o.kind, o.schema, o.name, o.column ?? '', o.arguments ?? ''), out);
  }
  const written = roles.map((r) => (r.live === r.expected ? r.expected : { name: r.expected, as: r.live }));
  return { roles: written, defaultPrivileges: defaults, ...(database !== undefined ? { database } : {}), objects };
}

/** The sections `snapshot` writes, in its order (spec-file/model-to-spec.ts); others after them. */
const SNAPSHOT_ORDER = ['version', 'roles', 'database', 'extensions', 'schemas', 'enums', 'domains', 'types', 'sequences', 'functions', 'tables', 'views', 'default_privileges'];

/**
 * Write a model's owners and grants into a spec file `modelToSpec` built:
 * each object's `owner:` and `grants:` after its own keys, the `roles:`
 * section, `default_privileges:`, and a `schemas:` item for a schema with
 * an owner or grants.
 */
export function addModelPrivileges(spec: Record<string, unknown>, model: SchemaModel, privileges: ModelPrivileges): void {
  if (privileges.roles.length === 0) return;
  const attach = (node: unknown, p: SpecPrivileges | undefined): void => {
    if (p === undefined || !isRecord(node)) return;
    const writable = node as Record<string, unknown>;
    if (p.owner !== undefined) writable.owner = p.owner;
    if (p.grants !== undefined) writable.grants = p.grants;
  };
  const find = (kind: AclObjectKind, schema: string, n: string, column = '', args = ''): SpecPrivileges | undefined =>
    privileges.objects.get(aclTargetKey(kind, schema, n, column, args));
  const section = (key: string): Record<string, unknown> => (isRecord(spec[key]) ? (spec[key] as Record<string, unknown>) : {});
  for (const e of model.enums) attach(section('enums')[specName(e.schema, e.name)], find('type', e.schema, e.name));
  for (const d of model.domains) attach(section('domains')[specName(d.schema, d.name)], find('domain', d.schema, d.name));
  for (const t of model.types) attach(section('types')[specName(t.schema, t.name)], find('type', t.schema, t.name));
  for (const s of model.sequences) {
    const p = find('sequence', s.schema, s.name);
    if (p === undefined) continue;
    // A sequence owned by a column has its table's owner (ALTER TABLE … OWNER TO moves it too).
    const own = s.ownedBy ? (p.grants === undefined ? undefined : { grants: p.grants }) : p;
    if (own === undefined) continue;
    const sequences = section('sequences');
    const key = specName(s.schema, s.name);
    // An identity sequence the spec leaves implied is written with its column, to hold its grants.
    if (sequences[key] === undefined && s.ownedBy) {
      setOwn(sequences, key, { ownedBy: `${refName(s.schema, s.ownedBy.schema, s.ownedBy.table)}.${namePart(s.ownedBy.column)}` });
      spec.sequences = sequences;
    }
    attach(sequences[key], own);
  }
  for (const v of model.views) {
    const node = section('views')[specName(v.schema, v.name)];
    attach(node, find(v.kind === 'materialized_view' ? 'materialized view' : 'view', v.schema, v.name));
    // A view's columns are not written: their grants go under `column_grants:`.
    const columnGrants: Record<string, SpecGrants> = {};
    for (const c of v.columns) {
      const p = find('column', v.schema, v.name, c.name);
      if (p?.grants !== undefined) setOwn(columnGrants, c.name, p.grants);
    }
    if (Object.keys(columnGrants).length > 0 && isRecord(node)) (node as Record<string, unknown>).column_grants = columnGrants;
  }
  for (const t of model.tables) {
    const node = section('tables')[specName(t.schema, t.name)];
    attach(node, find('table', t.schema, t.name));
    const columns = isRecord(node) && isRecord(node.columns) ? node.columns : {};
    for (const c of t.columns) {
      const p = find('column', t.schema, t.name, c.name);
      if (p?.grants === undefined) continue;
      // A column written as a bare type becomes an object to hold its grants.
      const written = columns[c.name];
      if (typeof written === 'string') (columns as Record<string, unknown>)[c.name] = { type: written, grants: p.grants };
      else attach(written, { grants: p.grants });
    }
  }
  const routines = new Map<string, typeof model.functions>();
  for (const r of model.functions) {
    const key = specName(r.schema, r.name);
    routines.set(key, [...(routines.get(key) ?? []), r]);
  }
  for (const [key, list] of routines) {
    const entry = section('functions')[key];
    list.forEach((r, i) => attach(Array.isArray(entry) ? entry[i] : entry, find(r.kind === 'procedure' ? 'procedure' : 'function', r.schema, r.name, '', r.arguments)));
  }
  // Schemas with an owner or grants are written as items of `schemas:`.
  const schemaPrivileges = model.schemas.flatMap((s) => {
    const p = find('schema', s.name, s.name);
    return p === undefined ? [] : [{ name: s.name, ...p }];
  });
  if (schemaPrivileges.length > 0) {
    const listed = Array.isArray(spec.schemas) ? (spec.schemas as unknown[]) : [];
    const names = new Set(listed.map(specRoleName));
    const items: unknown[] = listed.map((item) => schemaPrivileges.find((s) => s.name === specRoleName(item)) ?? item);
    for (const s of schemaPrivileges) if (!names.has(s.name)) items.push(s);
    spec.schemas = items;
  }
  // The order snapshot writes sections in, `roles:` and `database:` after `version`, `default_privileges:` after the objects.
  if (privileges.defaultPrivileges.length > 0) spec.default_privileges = privileges.defaultPrivileges;
  if (privileges.database !== undefined) spec.database = { grants: privileges.database };
  spec.roles = privileges.roles;
  const rank = (k: string): number => {
    const i = SNAPSHOT_ORDER.indexOf(k);
    return i === -1 ? SNAPSHOT_ORDER.length : i;
  };
  const ordered: Record<string, unknown> = {};
  for (const k of Object.keys(spec).sort((x, y) => rank(x) - rank(y))) setOwn(ordered, k, spec[k]);
  for (const k of Object.keys(spec)) delete spec[k];
  Object.assign(spec, ordered);
}
