/**
 * What an audit covered, said plainly (the report's `coverage`): per kind
 * of object, how many the live database has in the schemas read, how many
 * were compared, how many lie in schemas outside the audit's scope, and how
 * many had their drift suppressed by an ignore rule; then, by name, the
 * objects of kinds schema-audit does not compare (publications, rules,
 * operators...) and the tables not read. A report says "No drift" only when
 * `complete`: nothing present was left uncompared.
 *
 * Pure: the live model, the scope and the diff's ignored findings in, the
 * coverage out.
 */
import type { IgnoredFinding } from './diff/index.js';
import type { NotReadTable, NotVisible, UncoveredObject } from './introspect/introspector.js';
import { eventTriggerSchema } from './kinds/event-trigger/compare.js';
import { KINDS } from './kinds/registry.js';
import type { PrivilegeCoverage } from './kinds/privilege/govern.js';
import type { SchemaModel } from './model/schema-model.js';

/** One kind of object the audit compares. */
export interface KindCoverage {
  /** The kind's name, as findings' kinds belong to it: `table`, `column`, `view`. */
  readonly kind: string;
  /** Objects in the live database, in the schemas read. */
  readonly live: number;
  /** Of those, the ones in the audit's scope: every one of them was compared. */
  readonly compared: number;
  /** Of those, the ones in schemas outside the audit's scope (see `schemasOutOfScope`). */
  readonly outOfScope: number;
  /** Objects (live or expected) whose drift an ignore rule suppressed (the report's `ignored` lists the rules). */
  readonly ignored: number;
  /**
   * Present only for a kind the audit role could not read (see `notVisible`):
   * the expected objects of the kind, none of them compared (`live` and
   * `compared` are then 0: the live side is unknown).
   */
  readonly notVisible?: number;
}

/**
 * What the audit role could not see (issue #12): kinds whose catalogs it may
 * not read. Their objects were not compared, on either side: an expected
 * one is never reported missing, only named here as not visible to the role.
 */
export interface NotVisibleCoverage {
  /** The role the live database was read as. */
  readonly role: string;
  /** Each kind not read, the catalogs the role lacks SELECT on, and how many expected objects of it were not compared. */
  readonly kinds: readonly { readonly kind: string; readonly lacks: readonly string[]; readonly expected: number }[];
  /** The expected objects of those kinds, in the audit's scope, by name (`schema` null for database-wide ones). */
  readonly objects: readonly UncoveredObject[];
}

export interface Coverage {
  /** True when every object present was compared: nothing in `notCompared` or `notRead`. */
  readonly complete: boolean;
  /** The kinds compared, in dependency order (the registry's). */
  readonly kinds: readonly KindCoverage[];
  /** Live schemas that the audit's scope leaves out (the expected schema's own, or `--schema`). */
  readonly schemasOutOfScope: readonly string[];
  /** Objects of kinds schema-audit does not compare, in the audit's scope or database-wide. */
  readonly notCompared: readonly UncoveredObject[];
  /** Tables not read (`--lock-wait skip`): neither compared nor reported missing. */
  readonly notRead?: readonly NotReadTable[];
  /** Kinds the audit role could not read; absent when it saw everything. */
  readonly notVisible?: NotVisibleCoverage;
  /**
   * Privileges and owners: compared only for the roles the expected side
   * governs (none: neither was compared); the live grantees left out.
   */
  readonly privileges: PrivilegeCoverage;
}

/** The schema an object of a section lies in, or null for one that lies in none. */
function schemaOf(section: keyof SchemaModel, object: unknown): string | null {
  if (section === 'schemas') return (object as { name: string }).name;
  if (section === 'eventTriggers') return eventTriggerSchema(object as SchemaModel['eventTriggers'][number]);
  const schema = (object as { schema?: unknown }).schema;
  return typeof schema === 'string' ? schema : null;
}

/** The object kind each finding kind belongs to. */
const KIND_OF_FINDING: ReadonlyMap<string, string> = new Map(KINDS.flatMap((k) => Object.keys(k.findings).map((f) => [f, k.name] as const)));

export function auditCoverage(input: {
  readonly live: SchemaModel;
  readonly scope: readonly string[];
  readonly ignored: readonly IgnoredFinding[];
  readonly uncovered?: readonly UncoveredObject[];
  readonly notRead?: readonly NotReadTable[];
  /** What governance compared (src/kinds/privilege/govern.ts); absent: nothing. */
  readonly privileges?: PrivilegeCoverage;
  /** Kinds the role could not read, and the expected model they are listed from. */
  readonly notVisible?: { readonly read: NotVisible; readonly expected: SchemaModel };
}): Coverage {
  const scope = new Set(input.scope);
  const inScope = (schema: string | null): boolean => schema === null || scope.has(schema);

  // Ignored objects by kind: a finding id is `<finding kind>:<object>`.
  const ignoredObjects = new Map<string, Set<string>>();
  for (const i of input.ignored) {
    const colon = i.findingId.indexOf(':');
    const kind = KIND_OF_FINDING.get(i.findingId.slice(0, colon));
    if (kind === undefined) continue;
    const set = ignoredObjects.get(kind) ?? new Set<string>();
    set.add(i.findingId.slice(colon + 1));
    ignoredObjects.set(kind, set);
  }

  const unseen = input.notVisible ? notVisibleCoverage(input.notVisible.read, input.notVisible.expected, inScope) : undefined;
  const kinds: KindCoverage[] = [];
  for (const kind of KINDS) {
    const placement = kind.placement;
    if (Object.keys(kind.findings).length === 0) continue; // a kind not compared on its own (schemas)
    if (kind.name === 'privilege') continue; // about the other kinds' objects: see `privileges`
    let live = 0;
    let compared = 0;
    if ('section' in placement) {
      for (const object of input.live[placement.section] as readonly unknown[]) {
        live++;
        if (inScope(schemaOf(placement.section, object))) compared++;
      }
    } else if ('container' in placement) {
      const container = KINDS.find((k) => k.name === placement.container);
      if (container === undefined || !('section' in container.placement)) continue;
      for (const object of input.live[container.placement.section] as unknown as readonly Record<string, unknown>[]) {
        const members = object[placement.list];
        const n = Array.isArray(members) ? members.length : 0;
        live += n;
        if (inScope(schemaOf(container.placement.section, object))) compared += n;
      }
    } else {
      continue; // comments: about the other kinds' objects, counted with them
    }
    const hidden = unseen?.kinds.find((h) => h.kind === kind.name);
    kinds.push({
      kind: kind.name,
      live,
      compared,
      outOfScope: live - compared,
      ignored: ignoredObjects.get(kind.name)?.size ?? 0,
      ...(hidden ? { notVisible: hidden.expected } : {}),
    });
  }

  const notCompared = (input.uncovered ?? []).filter((o) => inScope(o.schema));
  const notRead = input.notRead ?? [];
  return {
    complete: notCompared.length === 0 && notRead.length === 0 && unseen === undefined,
    ...(unseen ? { notVisible: unseen } : {}),
    kinds,
    schemasOutOfScope: input.live.schemas.map((s) => s.name).filter((s) => !scope.has(s)),
    notCompared,
    ...(notRead.length > 0 ? { notRead } : {}),
    privileges: input.privileges ?? { privileges: false, owners: false, roles: [], otherGrantees: [] },
  };
}

/** One expected object's name in a not-visible list: `app.f(integer)`, `app.t.audit_trigger`, `app.t.email` (a column's grants). */
function objectName(object: Record<string, unknown>, table?: string): string {
  const parts = [table, object.name, object.column].filter((x): x is string => typeof x === 'string' && x !== '');
  const args = typeof object.arguments === 'string' ? `(${object.arguments})` : '';
  return `${parts.join('.')}${args}`;
}

/** The expected objects of the kinds the role could not read, by name, in scope. */
export function notVisibleCoverage(read: NotVisible, expected: SchemaModel, inScope: (schema: string | null) => boolean): NotVisibleCoverage {
  const objects: UncoveredObject[] = [];
  const kinds = read.kinds.map((h) => {
    const kind = KINDS.find((k) => k.name === h.kind);
    const found: UncoveredObject[] = [];
    // Privileges: the ACLs of the other kinds' objects, not objects of their own to name (the kind is named).
    const placement = h.kind === 'privilege' ? undefined : kind?.placement;
    if (placement && 'section' in placement) {
      for (const o of expected[placement.section] as readonly unknown[]) {
        const raw = schemaOf(placement.section, o);
        const schema = raw === '' ? null : raw; // the database's and every schema's default privileges
        if (inScope(schema)) found.push({ kind: h.kind, schema, name: objectName(o as Record<string, unknown>) });
      }
    } else if (placement && 'container' in placement) {
      const container = KINDS.find((k) => k.name === placement.container);
      if (container && 'section' in container.placement) {
        for (const t of expected[container.placement.section] as unknown as readonly Record<string, unknown>[]) {
          const schema = schemaOf(container.placement.section, t);
          const members = t[placement.list];
          if (!inScope(schema) || !Array.isArray(members)) continue;
          for (const m of members as Record<string, unknown>[]) found.push({ kind: h.kind, schema, name: objectName(m, String(t.name)) });
        }
      }
    }
    objects.push(...found);
    return { kind: h.kind, lacks: [...h.lacks], expected: found.length };
  });
  return { role: read.role, kinds, objects };
}

/** A not-visible kind in words: `functions`, `the objects of kinds schema-audit does not compare`. */
export function notVisibleKindText(kind: string): string {
  const words: Record<string, string> = {
    uncovered: 'the list of objects of kinds schema-audit does not compare',
    index: 'indexes',
    policy: 'policies',
    privilege: 'privileges and owners',
    event_trigger: 'event triggers',
  };
  return words[kind] ?? `${kind}s`;
}

/** `functions, views not visible to audit (lacks SELECT on pg_catalog.pg_proc)`; '' when the role saw everything. */
export function notVisibleText(coverage: Coverage): string {
  const n = coverage.notVisible;
  if (n === undefined) return '';
  const lacks = [...new Set(n.kinds.flatMap((k) => k.lacks))];
  return `${n.kinds.map((k) => notVisibleKindText(k.kind)).join(', ')} not visible to ${n.role} (lacks SELECT on ${lacks.join(', ')})`;
}

/** Privileges and owners in words: what was compared, for which roles, and whose grants were not. */
export function privilegeCoverageText(p: PrivilegeCoverage): string {
  if (!p.privileges && !p.owners) return 'privileges and owners were not compared: the expected schema governs no roles (roles: in a spec, --role, --role-map)';
  const what = p.privileges && p.owners ? 'privileges and owners' : p.privileges ? 'privileges (not owners: --no-owners)' : 'owners (not privileges: --no-privileges)';
  const others = p.otherGrantees.length === 0 ? '' : `; grants to ${p.otherGrantees.length} other role${p.otherGrantees.length === 1 ? '' : 's'} not compared: ${p.otherGrantees.join(', ')}`;
  return `${what} compared for ${p.roles.join(', ')}${others}`;
}

/** What an incomplete audit left out, in words: `3 objects of 2 kinds not compared, 1 table not read`; '' when complete. */
export function coverageGapText(coverage: Coverage): string {
  const parts: string[] = [];
  const n = coverage.notCompared.length;
  if (n > 0) {
    const kinds = new Set(coverage.notCompared.map((o) => o.kind)).size;
    parts.push(`${n} object${n === 1 ? '' : 's'} of ${kinds} kind${kinds === 1 ? '' : 's'} not compared`);
  }
  const m = coverage.notRead?.length ?? 0;
  if (m > 0) parts.push(`${m} table${m === 1 ? '' : 's'} not read`);
  const v = coverage.notVisible;
  if (v !== undefined) {
    const k = v.kinds.length;
    const o = v.objects.length;
    parts.push(`${k} kind${k === 1 ? '' : 's'} not visible to ${v.role} (${o} expected object${o === 1 ? '' : 's'} not compared)`);
  }
  return parts.join(', ');
}
