/**
 * Compare the privileges and owners of the objects both sides have, after
 * governance (govern.ts) limited both sides to the governed roles. An
 * object's owner holds its privileges by ownership: grants to the owner (of
 * either side) are not compared, the owner is. A column or a
 * default-privileges rule that one side lacks has no grants there (a
 * database-wide rule: the built-in defaults, EXECUTE on functions and USAGE
 * on types to PUBLIC); an object one side lacks is left to its own kind's
 * finding.
 */
import type { Comparison, FindingObject } from '../../findings/finding.js';
import { oneLine } from '../../findings/words.js';
import { displayName, quoteIdent } from '../../model/identifiers.js';
import type { SchemaModel } from '../../model/schema-model.js';
import type { InScope } from '../kind.js';
import { aclObjectKey } from './catalog.js';
import type { PrivilegeFinding } from './findings.js';
import { PUBLIC_GRANTEE, type AclObject, type Grant } from './model.js';

/** How a role is shown: PUBLIC as is, others as identifiers, on one line. */
export function roleWords(role: string): string {
  return role === PUBLIC_GRANTEE ? PUBLIC_GRANTEE : oneLine(quoteIdent(role));
}

/** `SELECT to app`, `INSERT to app with grant option`. */
export function grantWords(g: Grant): string {
  return `${g.privilege} to ${roleWords(g.grantee)}${g.grantable ? ' with grant option' : ''}`;
}

const RELATION_FIELD: Readonly<Record<string, 'table' | 'view' | 'sequence'>> = {
  table: 'table',
  'foreign table': 'table',
  view: 'view',
  'materialized view': 'view',
  sequence: 'sequence',
};

/** The kind a finding's object names: the ACL kind, or for default privileges its role and objects. */
export function findingKindOf(o: AclObject): string {
  if (o.kind === 'default privileges') return `default privileges for role ${roleWords(o.name)} on ${o.objects ?? ''}`;
  return o.kind;
}

/** What a finding about `o`'s privileges names; `relationKind`: the kind of a column's relation. */
export function aclFindingObject(o: AclObject, relationKind?: string): FindingObject {
  const kind = findingKindOf(o);
  switch (o.kind) {
    case 'database':
    case 'default privileges':
    case 'schema':
      return { schema: o.schema, kind };
    case 'type':
      return { schema: o.schema, enum: o.name, kind };
    case 'domain':
      return { schema: o.schema, domain: o.name, kind };
    case 'function':
    case 'procedure':
    case 'aggregate':
      return { schema: o.schema, function: o.name, arguments: o.arguments ?? '', kind };
    case 'column':
      return { schema: o.schema, [RELATION_FIELD[relationKind ?? 'table'] ?? 'table']: o.name, column: o.column ?? '', kind };
    default:
      return { schema: o.schema, [RELATION_FIELD[o.kind] ?? 'table']: o.name, kind };
  }
}

/** How a message names the object: `table public.leads`, `function public.f(integer)`, `the database`. */
export function aclObjectWords(o: AclObject): string {
  switch (o.kind) {
    case 'database':
      return 'the database';
    case 'default privileges':
      return `${findingKindOf(o)} in ${o.schema === '' ? 'every schema' : `schema ${quoteIdent(o.schema)}`}`;
    case 'schema':
      return `schema ${quoteIdent(o.schema)}`;
    case 'column':
      return `column ${displayName(o.schema, o.name, o.column ?? '')}`;
    case 'function':
    case 'procedure':
    case 'aggregate':
      return `${o.kind} ${displayName(o.schema, o.name)}(${o.arguments ?? ''})`;
    default:
      return `${o.kind} ${displayName(o.schema, o.name)}`;
  }
}

/** What a rule that is not there stands for: none in one schema; the built-in defaults database-wide. */
function absentDefaults(o: AclObject): Grant[] {
  if (o.kind !== 'default privileges' || o.schema !== '') return [];
  if (o.objects === 'functions') return [{ grantee: PUBLIC_GRANTEE, privilege: 'EXECUTE', grantable: false }];
  if (o.objects === 'types') return [{ grantee: PUBLIC_GRANTEE, privilege: 'USAGE', grantable: false }];
  return [];
}

/** An ACL object of the other side's absent column or rule, with what its absence means. */
function absent(o: AclObject): AclObject {
  return { ...o, owner: null, grants: absentDefaults(o) };
}

const RELATION_KINDS = new Set(['table', 'view', 'materialized view', 'foreign table', 'sequence']);

/** 0: not held, 1: held, 2: held with grant option; by `grantee`, privilege. */
function levels(grants: readonly Grant[], skip: ReadonlySet<string>): Map<string, { grant: Grant; level: number }> {
  const out = new Map<string, { grant: Grant; level: number }>();
  for (const g of grants) {
    if (skip.has(g.grantee)) continue;
    const key = `${g.grantee}\u0000${g.privilege}`;
    const level = g.grantable ? 2 : 1;
    if ((out.get(key)?.level ?? 0) < level) out.set(key, { grant: g, level });
  }
  return out;
}

export function comparePrivileges(expected: SchemaModel, actual: SchemaModel, inScope: InScope): Comparison<PrivilegeFinding> {
  const out: Comparison<PrivilegeFinding> = { findings: [], present: [] };
  const expectedObjects = (expected.privileges ?? []).filter((o) => o.kind !== 'role');
  const liveObjects = (actual.privileges ?? []).filter((o) => o.kind !== 'role');
  if (expectedObjects.length === 0 && liveObjects.length === 0) return out;
  const live = new Map(liveObjects.map((o) => [aclObjectKey(o), o]));
  const wanted = new Map(expectedObjects.map((o) => [aclObjectKey(o), o]));
  // Relations by schema and name, on each side: a column's relation must be on both sides.
  const relations = (objects: readonly AclObject[]): Map<string, AclObject> =>
    new Map(objects.filter((o) => RELATION_KINDS.has(o.kind)).map((o) => [`${o.schema}\u0000${o.name}`, o]));
  const expectedRelations = relations(expectedObjects);
  const liveRelations = relations(liveObjects);
  const hasColumn = (model: SchemaModel, o: AclObject): boolean => {
    const holder = [...model.tables, ...model.views].find((t) => t.schema === o.schema && t.name === o.name) as { columns?: readonly { name: string }[] } | undefined;
    return holder?.columns === undefined || holder.columns.some((c) => c.name === o.column);
  };
  const pairs: [AclObject, AclObject][] = [];
  for (const [key, e] of wanted) {
    const a = live.get(key);
    if (a !== undefined) pairs.push([e, a]);
    else if (e.kind === 'default privileges') pairs.push([e, absent(e)]);
    else if (e.kind === 'column' && liveRelations.has(`${e.schema}\u0000${e.name}`) && hasColumn(actual, e)) pairs.push([e, absent(e)]);
  }
  for (const [key, a] of live) {
    if (wanted.has(key)) continue;
    if (a.kind === 'default privileges') pairs.push([absent(a), a]);
    else if (a.kind === 'column' && expectedRelations.has(`${a.schema}\u0000${a.name}`) && hasColumn(expected, a)) pairs.push([absent(a), a]);
  }
  for (const [e, a] of pairs) {
    if (e.schema !== '' && !inScope(e.schema)) continue;
    const relationKind = e.kind === 'column' ? liveRelations.get(`${e.schema}\u0000${e.name}`)?.kind : undefined;
    const object = aclFindingObject(e, relationKind);
    const what = aclObjectWords(e);
    if (e.owner !== null && a.readOwner !== undefined && e.owner !== a.readOwner && e.kind !== 'column' && e.kind !== 'default privileges') {
      out.findings.push({ kind: 'owner_mismatch', object, expected: e.owner, actual: a.readOwner, message: `${what} is owned by ${roleWords(a.readOwner)}, expected ${roleWords(e.owner)}` });
    }
    // Ownership brings every privilege: grants to either side's owner (or a rule's role) are not compared.
    const skip = new Set<string>();
    for (const side of [e, a]) {
      if (side.readOwner !== undefined) skip.add(side.readOwner);
      if (side.owner !== null) skip.add(side.owner);
      if (side.kind === 'default privileges') skip.add(side.name);
    }
    const want = levels(e.grants, skip);
    const have = levels(a.grants, skip);
    const missing: Grant[] = [];
    const held: Grant[] = [];
    for (const [key, w] of want) {
      const h = have.get(key);
      if ((h?.level ?? 0) >= w.level) continue;
      missing.push(w.grant);
      if (h !== undefined) held.push(h.grant);
    }
    const extra: Grant[] = [];
    const given: Grant[] = [];
    for (const [key, h] of have) {
      const w = want.get(key);
      if ((w?.level ?? 0) >= h.level) continue;
      extra.push(h.grant);
      if (w !== undefined) given.push(w.grant);
    }
    if (missing.length > 0) {
      out.findings.push({ kind: 'privilege_missing', object, expected: missing, actual: held, message: `${what} lacks ${missing.map(grantWords).join(', ')}` });
    }
    if (extra.length > 0) {
      out.findings.push({ kind: 'privilege_unexpected', object, expected: given, actual: extra, message: `${what} has unexpected ${extra.map(grantWords).join(', ')}` });
    }
  }
  return out;
}
