/**
 * One run against the previous one of the same database: what is new, what
 * is still open (and since when), what was resolved, what came back, which
 * relations were renamed (matched by OID); and the record the next run
 * compares with. Pure.
 */
import type { AuditReport } from '../audit.js';
import { findingId, type FindingObject } from '../findings/finding.js';
import type { CatalogIdentity, CatalogObject } from './catalog-identity.js';
import { HISTORY_FORMAT_VERSION, RESOLVED_KEPT, type HistoryRecord, type RecordedFinding, type ResolvedFinding } from './record.js';
import type { DatabaseIdentity, HistoryEntry, ReportHistory } from './types.js';

export interface CurrentRun {
  readonly report: AuditReport;
  readonly database: DatabaseIdentity;
  readonly fingerprint: string;
  readonly identity: CatalogIdentity | undefined;
}

const NAME_FIELD: Readonly<Record<CatalogObject['kind'], 'table' | 'view' | 'sequence'>> = { table: 'table', view: 'view', sequence: 'sequence' };

export function compareRuns(previous: HistoryRecord | null, from: 'history' | 'report', run: CurrentRun): { history: ReportHistory; record: HistoryRecord } {
  const now = run.report.generatedAt;
  const objects = run.identity?.objects ?? [];
  const renamed = previous ? renames(previous.objects, objects) : [];
  const remap = (f: RecordedFinding): RecordedFinding => renameFinding(f, renamed);
  const before = new Map((previous?.findings ?? []).map(remap).map((f) => [f.id, f]));
  const earlier = new Map((previous?.resolved ?? []).map((f) => remap(f) as ResolvedFinding).map((f) => [f.id, f]));
  const commitTimes = run.identity?.commitTimestamps === true ? commitTimeOf(objects) : () => undefined;
  const entry = (f: RecordedFinding, extra: Partial<HistoryEntry> = {}): HistoryEntry => {
    const original = previousIdOf(f, previous, renamed);
    return { id: f.id, kind: f.kind, severity: f.severity, firstSeen: f.firstSeen, ...(original ? { previousId: original } : {}), ...extra };
  };
  const added: HistoryEntry[] = [];
  const open: HistoryEntry[] = [];
  const back: HistoryEntry[] = [];
  const findings: RecordedFinding[] = [];
  for (const f of run.report.findings) {
    const seen = before.get(f.id);
    const recorded: RecordedFinding = { id: f.id, kind: f.kind, category: f.category, severity: f.severity, object: f.object, firstSeen: seen?.firstSeen ?? now };
    findings.push(recorded);
    const at = commitTimes(f.object);
    const committed = at ? { committedAt: at } : {};
    if (seen) open.push(entry(recorded));
    else if (earlier.has(f.id)) back.push({ ...entry(recorded), resolvedAt: earlier.get(f.id)!.resolvedAt, ...committed });
    else if (!explained(f, renamed)) added.push({ ...entry(recorded), ...committed });
  }
  const current = new Set(findings.map((f) => f.id));
  const resolvedNow: ResolvedFinding[] = [...before.values()].filter((f) => !current.has(f.id)).map((f) => ({ ...f, resolvedAt: now }));
  const resolved = resolvedNow.map((f) => entry(f, { resolvedAt: now }));
  const remembered = [...[...earlier.values()].filter((f) => !current.has(f.id) && !resolvedNow.some((r) => r.id === f.id)), ...resolvedNow].slice(-RESOLVED_KEPT);
  const renamedOut = renamed.map((r) => ({
    kind: r.kind,
    oid: r.oid,
    from: r.from,
    to: r.to,
    ...(r.committedAt && run.identity?.commitTimestamps ? { committedAt: r.committedAt } : {}),
    findings: run.report.findings.filter((f) => !before.has(f.id) && !earlier.has(f.id) && explained(f, [r])).map((f) => f.id),
  }));
  const history: ReportHistory = {
    previous: previous ? { generatedAt: previous.generatedAt, from, database: previous.database } : null,
    database: run.database,
    fingerprint: run.fingerprint,
    modelChanged: previous && previous.fingerprint !== '' ? previous.fingerprint !== run.fingerprint : null,
    commitTimestamps: run.identity?.commitTimestamps === true,
    changed: added.length + resolved.length + back.length + renamedOut.length > 0,
    new: added,
    open,
    resolved,
    cameBack: back,
    renamed: renamedOut,
  };
  const record: HistoryRecord = {
    formatVersion: HISTORY_FORMAT_VERSION,
    generatedAt: now,
    toolVersion: run.report.tool.version,
    database: run.database,
    fingerprint: run.fingerprint,
    expectedSha256: run.report.expected.sha256,
    findings,
    resolved: remembered,
    objects: objects.map((o) => [o.oid, o.kind, o.schema, o.name] as const),
  };
  return { history, record };
}

interface Rename {
  readonly kind: CatalogObject['kind'];
  readonly oid: number;
  readonly old: { readonly schema: string; readonly name: string };
  readonly now: { readonly schema: string; readonly name: string };
  readonly from: string;
  readonly to: string;
  readonly committedAt: string | null;
}

/** Relations with the same OID and kind under another name (or schema). */
function renames(previous: HistoryRecord['objects'], current: readonly CatalogObject[]): Rename[] {
  const byOid = new Map(current.map((o) => [o.oid, o]));
  const out: Rename[] = [];
  for (const [oid, kind, schema, name] of previous) {
    const now = byOid.get(oid);
    if (!now || now.kind !== kind || (now.schema === schema && now.name === name)) continue;
    const from = displayPath(schema, name);
    const to = displayPath(now.schema, now.name);
    out.push({ kind, oid, old: { schema, name }, now: { schema: now.schema, name: now.name }, from, to, committedAt: now.committedAt });
  }
  return out;
}

function displayPath(schema: string, name: string): string {
  return findingId('x', { schema, table: name }).slice(2);
}

/** A previous finding on a renamed relation, under the relation's new name (and so its new id). */
function renameFinding<F extends RecordedFinding>(f: F, renamed: readonly Rename[]): F {
  for (const r of renamed) {
    const field = NAME_FIELD[r.kind];
    const o = f.object as FindingObject & Record<string, unknown>;
    if (o.schema !== r.old.schema || o[field] !== r.old.name) continue;
    const object = { ...f.object, schema: r.now.schema, [field]: r.now.name } as FindingObject;
    return { ...f, object, id: findingId(f.kind, object) };
  }
  return f;
}

/** A `missing_<kind>` of a renamed relation's old name, or an `unexpected_<kind>` of its new one: the rename, not a drop and an add. */
function explained(f: { readonly kind: string; readonly object: FindingObject }, renamed: readonly Rename[]): boolean {
  const o = f.object as FindingObject & Record<string, unknown>;
  return renamed.some((r) => {
    const field = NAME_FIELD[r.kind];
    if (f.kind === `missing_${r.kind}`) return o.schema === r.old.schema && o[field] === r.old.name;
    if (f.kind === `unexpected_${r.kind}`) return o.schema === r.now.schema && o[field] === r.now.name;
    return false;
  });
}

/** The id a finding had in the previous run, when a rename changed it. */
function previousIdOf(f: RecordedFinding, previous: HistoryRecord | null, renamed: readonly Rename[]): string | undefined {
  if (!previous || renamed.length === 0) return undefined;
  for (const r of renamed) {
    const field = NAME_FIELD[r.kind];
    const o = f.object as FindingObject & Record<string, unknown>;
    if (o.schema !== r.now.schema || o[field] !== r.now.name) continue;
    const id = findingId(f.kind, { ...f.object, schema: r.old.schema, [field]: r.old.name } as FindingObject);
    return id !== f.id && (previous.findings.some((p) => p.id === id) || previous.resolved.some((p) => p.id === id)) ? id : undefined;
  }
  return undefined;
}

/** The commit time of the relation a finding is about. */
function commitTimeOf(objects: readonly CatalogObject[]): (o: FindingObject) => string | undefined {
  const times = new Map(objects.filter((o) => o.committedAt !== null).map((o) => [`${o.kind}\u0000${o.schema}\u0000${o.name}`, o.committedAt!]));
  return (o) => {
    const pick = o.table !== undefined ? ['table', o.table] : o.view !== undefined ? ['view', o.view] : o.sequence !== undefined ? ['sequence', o.sequence] : undefined;
    return pick ? times.get(`${pick[0]}\u0000${o.schema}\u0000${pick[1]}`) : undefined;
  };
}
