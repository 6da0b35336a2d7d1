/**
 * What a view, materialized view or routine that the plan drops and creates
 * again must get back: the owner and privileges it had, read from the live
 * model's ACLs (all of them, governed or not: the plan restores the object
 * as it was, and the `privileges` phase then changes what the governed
 * roles hold). Written right after the CREATE, in the same step, by
 * up.sql and by down.sql alike: ALTER … OWNER TO the owner it had, REVOKE
 * … FROM PUBLIC where a new routine would give PUBLIC EXECUTE it did not
 * have, GRANT each privilege (and a view's column privileges, on the
 * columns the new view still has). Every statement is re-runnable.
 *
 * Known limitation: grants that ALTER DEFAULT PRIVILEGES gives the new
 * object (as it gave the old one when it was created) are not revoked.
 */
import type { SchemaModel } from '../../model/schema-model.js';
import { stmt } from '../../plan/statements.js';
import type { PlanStatement } from '../../plan/types.js';
import { PUBLIC_GRANTEE, type AclObject, type AclObjectKind } from './model.js';
import { grantSql, ownerSql, revokeSql } from './sql.js';

/** One object to restore: its kind as created again, and how the live ACL names it. */
export interface RestoredObject {
  readonly kind: AclObjectKind;
  readonly schema: string;
  readonly name: string;
  /** A routine's identity arguments as the live ACL reads them (`i integer`). */
  readonly aclArguments?: string;
  /** A routine's argument types, for GRANT … ON ROUTINE f(…) on the object created again. */
  readonly signature?: string;
  /** A view's columns as created again: column privileges on the others are gone with them. */
  readonly columns?: readonly string[];
}

const ROUTINES = new Set<AclObjectKind>(['function', 'procedure', 'aggregate']);
const RELATIONS = new Set<AclObjectKind>(['table', 'view', 'materialized view', 'foreign table']);

function family(kind: AclObjectKind): string {
  return ROUTINES.has(kind) ? 'routine' : RELATIONS.has(kind) ? 'relation' : kind;
}

function keyOf(kind: AclObjectKind, schema: string, name: string, args: string): string {
  return [family(kind), schema, name, args].join('\u0000');
}

interface AclIndex {
  readonly objects: Map<string, AclObject>;
  /** Column ACLs by relation (`schema\0name`). */
  readonly columns: Map<string, AclObject[]>;
}

const INDEX = new WeakMap<SchemaModel, AclIndex>();

function indexOf(model: SchemaModel): AclIndex {
  let index = INDEX.get(model);
  if (index !== undefined) return index;
  index = { objects: new Map(), columns: new Map() };
  for (const o of model.privileges ?? []) {
    if (o.kind === 'column') {
      const k = `${o.schema}\u0000${o.name}`;
      index.columns.set(k, [...(index.columns.get(k) ?? []), o]);
    } else if (o.kind !== 'role' && o.kind !== 'database' && o.kind !== 'default privileges') {
      index.objects.set(keyOf(o.kind, o.schema, o.name, o.arguments ?? ''), o);
    }
  }
  INDEX.set(model, index);
  return index;
}

/** The statements that give `target`, just created again, the owner and privileges `model` says it had; none when the model holds no ACLs. */
export function restoredPrivileges(model: SchemaModel, target: RestoredObject): PlanStatement[] {
  const index = indexOf(model);
  const read = index.objects.get(keyOf(target.kind, target.schema, target.name, target.aclArguments ?? ''));
  if (read === undefined) return [];
  const o: AclObject = { ...read, kind: target.kind, ...(ROUTINES.has(target.kind) ? { arguments: target.signature ?? '' } : {}) };
  const out: string[] = [];
  if (o.owner !== null) {
    const sql = ownerSql(o, o.owner);
    if (sql !== null) out.push(sql);
  }
  // A new routine gives PUBLIC EXECUTE: taken away when the old one did not have it.
  if (ROUTINES.has(o.kind) && !o.grants.some((g) => g.grantee === PUBLIC_GRANTEE && g.privilege === 'EXECUTE')) {
    const sql = revokeSql(o, { grantee: PUBLIC_GRANTEE, privilege: 'EXECUTE', grantable: false }, false);
    if (sql !== null) out.push(sql);
  }
  for (const g of o.grants) {
    if (g.grantee === o.owner) continue;
    const sql = grantSql(o, g);
    if (sql !== null) out.push(sql);
  }
  if (target.columns !== undefined) {
    const kept = new Set(target.columns);
    for (const c of index.columns.get(`${target.schema}\u0000${target.name}`) ?? []) {
      if (!kept.has(c.column ?? '')) continue;
      for (const g of c.grants) {
        const sql = grantSql(c, g);
        if (sql !== null) out.push(sql);
      }
    }
  }
  return out.map((sql) => stmt(sql));
}
