/**
 * The plan's part for privileges and owners, in the `privileges` phase
 * (after every object is created or changed): GRANT what is missing,
 * REVOKE what is unexpected (or only its grant option), ALTER … OWNER TO
 * the expected owner; down.sql undoes each. A role the server lacks is a
 * manual step: roles are cluster-wide, a migration of one database does
 * not create them. The database's own privileges name the database the
 * file runs in (current_database(): its name differs between environments).
 */
import { findingId } from '../../findings/finding.js';
import type { KindPlan } from '../../plan/kind-plan.js';
import type { PlanContext } from '../../plan/context.js';
import { stmt } from '../../plan/statements.js';
import type { Hazard } from '../../plan/types.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { aclFindingObject, aclObjectWords, grantWords, roleWords } from './compare.js';
import type { PrivilegeFinding } from './findings.js';
import { PUBLIC_GRANTEE, type AclObject, type Grant } from './model.js';
import { grantSql, ownerSql, quoteRoleForCreate, revokeSql } from './sql.js';

/** ACL objects of both models by the finding ids they would have (live first: its names are the ones SQL needs). */
const BY_ID = new WeakMap<SchemaModel, Map<string, AclObject>>();

function byId(model: SchemaModel): Map<string, AclObject> {
  let map = BY_ID.get(model);
  if (map !== undefined) return map;
  map = new Map();
  const objects = (model.privileges ?? []).filter((o) => o.kind !== 'role');
  const relations = new Map(objects.filter((o) => o.kind !== 'column').map((o) => [`${o.schema}\u0000${o.name}`, o.kind]));
  for (const o of objects) {
    const object = aclFindingObject(o, o.kind === 'column' ? relations.get(`${o.schema}\u0000${o.name}`) : undefined);
    for (const kind of ['privilege_missing', 'privilege_unexpected', 'owner_mismatch']) map.set(findingId(kind, object), o);
  }
  BY_ID.set(model, map);
  return map;
}

function objectOf(f: PrivilegeFinding, ctx: PlanContext): AclObject | undefined {
  return byId(ctx.live.model).get(f.id) ?? byId(ctx.expected.model).get(f.id);
}

/**
 * Roles the live server has (read beside the model, never in it: they are
 * cluster-wide and change with other databases' work); undefined when
 * unknown (a model snapshot as the live side).
 */
function liveRoles(ctx: PlanContext): ReadonlySet<string> | undefined {
  return ctx.liveRoles ?? undefined;
}

/** The roles of `names` the live server lacks (PUBLIC is no role). */
function absentRoles(names: readonly string[], ctx: PlanContext): string[] {
  const roles = liveRoles(ctx);
  if (roles === undefined) return [];
  return [...new Set(names.filter((n) => n !== PUBLIC_GRANTEE && !roles.has(n)))].sort();
}

function accessHazard(message: string): Hazard {
  return { kind: 'access_change', message };
}

/** The statements, or a manual step when a role is missing or the object has no such statement. */
function planStatements(
  f: PrivilegeFinding,
  ctx: PlanContext,
  o: AclObject,
  roles: readonly string[],
  up: readonly (string | null)[],
  down: readonly (string | null)[],
  summary: string,
  hazards: readonly Hazard[],
): void {
  const missingRoles = absentRoles(roles, ctx);
  const written = up.every((s) => s !== null) && down.every((s) => s !== null);
  if (missingRoles.length > 0 || !written) {
    const reason =
      missingRoles.length > 0
        ? `the role${missingRoles.length > 1 ? 's' : ''} ${missingRoles.map(roleWords).join(', ')} ${missingRoles.length > 1 ? 'do' : 'does'} not exist on the server: roles are cluster-wide and a migration does not create them; create ${missingRoles.length > 1 ? 'them' : 'it'} first (with the attributes and memberships your environment needs), then audit again`
        : `${aclObjectWords(o)} is named differently on each server; run the statement on the audited database`;
    const suggestion = [
      ...missingRoles.map((r) => `CREATE ROLE ${quoteRoleForCreate(r)} NOLOGIN`),
      ...up.filter((s): s is string => s !== null),
      ...(written ? [] : [`-- ${summary}`]),
    ];
    ctx.manual(f, reason, suggestion, hazards);
    return;
  }
  ctx.add({
    object: aclObjectWords(o),
    phase: 'privileges',
    findingIds: [f.id],
    summary,
    up: up.map((s) => stmt(s!)),
    down: down.map((s) => stmt(s!)),
    hazards,
  });
}

/** The same privilege of the same role in `list`. */
function sameIn(list: readonly Grant[], g: Grant): Grant | undefined {
  return list.find((x) => x.grantee === g.grantee && x.privilege === g.privilege);
}

export const PRIVILEGE_PLAN: KindPlan<PrivilegeFinding> = {
  findings: {
    privilege_missing: (f, ctx) => {
      const o = objectOf(f, ctx);
      if (o === undefined) return;
      const up = f.expected.map((g) => grantSql(o, g));
      // Undo: take back what was granted; a privilege held before keeps its plain form.
      const down = f.expected.map((g) => revokeSql(o, g, sameIn(f.actual, g) !== undefined));
      const toPublic = f.expected.filter((g) => g.grantee === PUBLIC_GRANTEE);
      const hazards = toPublic.length > 0 ? [accessHazard(`grants ${toPublic.map((g) => g.privilege).join(', ')} on ${aclObjectWords(o)} to PUBLIC: every role of the server gets it`)] : [];
      planStatements(f, ctx, o, f.expected.map((g) => g.grantee), up, down, `grant ${f.expected.map(grantWords).join(', ')} on ${aclObjectWords(o)}`, hazards);
    },
    privilege_unexpected: (f, ctx) => {
      const o = objectOf(f, ctx);
      if (o === undefined) return;
      // Where the expected side gives the privilege without its option, only the option goes.
      const up = f.actual.map((g) => revokeSql(o, g, sameIn(f.expected, g) !== undefined));
      const down = f.actual.map((g) => grantSql(o, g));
      const roles = [...new Set(f.actual.map((g) => roleWords(g.grantee)))];
      const hazards = [accessHazard(`revokes from ${roles.join(', ')} on ${aclObjectWords(o)}: whatever runs as ${roles.length > 1 ? 'these roles' : 'it'} and relies on it fails`)];
      planStatements(f, ctx, o, [], up, down, `revoke ${f.actual.map(grantWords).join(', ')} on ${aclObjectWords(o)}`, hazards);
    },
    owner_mismatch: (f, ctx) => {
      const o = objectOf(f, ctx);
      if (o === undefined) return;
      const hazards = [accessHazard(`${aclObjectWords(o)} passes from ${roleWords(f.actual)} to ${roleWords(f.expected)}, with every privilege ownership brings (the previous owner keeps only what is granted to it)`)];
      planStatements(f, ctx, o, [f.expected], [ownerSql(o, f.expected)], [ownerSql(o, f.actual)], `make ${roleWords(f.expected)} the owner of ${aclObjectWords(o)}`, hazards);
    },
  },
};
