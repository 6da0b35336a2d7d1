/**
 * Which roles' privileges and ownerships an audit compares (issue #12):
 * roles differ between environments, so nothing about privileges or owners
 * is compared unless the expected side names the roles it governs (the
 * spec's `roles:`, `--role`, `--role-map expected=live`). PUBLIC is
 * governed whenever any role is. Grants to other roles are set aside (the
 * report's coverage names their grantees); the expected side's role names
 * are translated to the live ones first.
 */
import type { SchemaModel } from '../../model/schema-model.js';
import { aclObjectKey, sortGrants } from './catalog.js';
import { PUBLIC_GRANTEE, type AclObject, type Grant } from './model.js';

/** One governed role: its name on the expected side, and on the live server. */
export interface RoleMapping {
  readonly expected: string;
  readonly live: string;
}

export interface PrivilegeGovernance {
  /** The governed roles (PUBLIC is added); none: nothing about privileges or owners is compared. */
  readonly roles: readonly RoleMapping[];
  /** Compare grants (`--no-privileges` turns it off). */
  readonly privileges: boolean;
  /** Compare owners (`--no-owners` turns it off). */
  readonly owners: boolean;
  /**
   * The expected side was loaded into a scratch database (a spec or SQL
   * source): its database-level privileges are the scratch database's
   * defaults, not the source's, so they are not compared (unless
   * `databaseDeclared`).
   */
  readonly scratchExpected?: boolean;
  /**
   * The expected side declares the database's privileges (a spec's
   * `database: grants:`, which the scratch database was given): compared
   * even when `scratchExpected`.
   */
  readonly databaseDeclared?: boolean;
}

/** What governance left out, for the report's coverage. */
export interface PrivilegeCoverage {
  /** Whether grants, and owners, were compared. */
  readonly privileges: boolean;
  readonly owners: boolean;
  /** The governed roles as the live server names them (PUBLIC included), sorted; empty when nothing was compared. */
  readonly roles: readonly string[];
  /** Live grantees (in the audited schemas) not governed: their grants were not compared. */
  readonly otherGrantees: readonly string[];
}

/** True when governance compares anything at all. */
export function governs(g: PrivilegeGovernance | undefined): g is PrivilegeGovernance {
  return g !== undefined && g.roles.length > 0 && (g.privileges || g.owners);
}

/** The live names of the governed roles, PUBLIC included. */
export function governedRoles(g: PrivilegeGovernance): Set<string> {
  return new Set([PUBLIC_GRANTEE, ...g.roles.map((r) => r.live)]);
}

/**
 * Both models with their `privileges` sections limited to what is compared:
 * expected role names mapped to live ones, grants to governed roles only,
 * owners kept only where the expected owner is governed (else null: not
 * compared), default privileges of governed roles only. Without governance
 * both sections are emptied. The live model keeps its `role` entries (the
 * plan checks that a role exists).
 */
export function governPrivileges(expected: SchemaModel, live: SchemaModel, g: PrivilegeGovernance | undefined): { expected: SchemaModel; live: SchemaModel } {
  if (!governs(g)) return { expected: { ...expected, privileges: [] }, live: { ...live, privileges: (live.privileges ?? []).filter((o) => o.kind === 'role') } };
  const map = new Map(g.roles.map((r) => [r.expected, r.live]));
  const mapped = (name: string): string => (name === PUBLIC_GRANTEE ? name : (map.get(name) ?? name));
  const governed = governedRoles(g);
  const limit = (objects: readonly AclObject[] | undefined, rename: (n: string) => string, keepRoles: boolean): AclObject[] => {
    const out: AclObject[] = [];
    for (const o of objects ?? []) {
      if (o.kind === 'role') {
        if (keepRoles) out.push(o);
        continue;
      }
      if (o.kind === 'database' && g.scratchExpected && !g.databaseDeclared) continue;
      let name = o.name;
      if (o.kind === 'default privileges') {
        name = rename(o.name);
        if (!governed.has(name)) continue;
      }
      const owner = o.owner === null ? null : rename(o.owner);
      const grants: Grant[] = g.privileges ? o.grants.map((x) => ({ ...x, grantee: rename(x.grantee) })).filter((x) => governed.has(x.grantee)) : [];
      out.push({ ...o, name, owner: g.owners && owner !== null && governed.has(owner) ? owner : null, grants: sortGrants(grants), ...ownerMark(owner) });
    }
    return out.sort((a, b) => (aclObjectKey(a) < aclObjectKey(b) ? -1 : aclObjectKey(a) > aclObjectKey(b) ? 1 : 0));
  };
  return {
    expected: { ...expected, privileges: limit(expected.privileges, mapped, false) },
    live: { ...live, privileges: limit(live.privileges, (n) => n, true) },
  };
}

/**
 * The owner as read, whether governed or not, kept apart for the
 * comparison: an owner's own privileges come with ownership and are never
 * compared as grants (see compare.ts).
 */
function ownerMark(owner: string | null): { readOwner?: string } {
  return owner === null ? {} : { readOwner: owner };
}

/** The live grantees in the audited schemas that governance leaves out (their grants were not compared). */
export function otherGrantees(live: SchemaModel, g: PrivilegeGovernance | undefined, inScope: (schema: string) => boolean): string[] {
  const governed = governs(g) ? governedRoles(g) : new Set<string>();
  const out = new Set<string>();
  for (const o of live.privileges ?? []) {
    if (o.kind === 'role' || (o.schema !== '' && !inScope(o.schema))) continue;
    for (const x of o.grants) if (!governed.has(x.grantee) && x.grantee !== o.owner) out.add(x.grantee);
  }
  return [...out].sort();
}

/** The coverage of privileges and owners, for the report. */
export function privilegeCoverage(live: SchemaModel, g: PrivilegeGovernance | undefined, inScope: (schema: string) => boolean): PrivilegeCoverage {
  if (!governs(g)) return { privileges: false, owners: false, roles: [], otherGrantees: [] };
  return { privileges: g.privileges, owners: g.owners, roles: [...governedRoles(g)].sort(), otherGrantees: g.privileges ? otherGrantees(live, g, inScope) : [] };
}
