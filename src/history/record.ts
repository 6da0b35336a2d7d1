/**
 * The compact record of one run kept by `--history DIR` (one JSON file per
 * run): the database's identity, a fingerprint of the live model, the
 * findings open (with the time each was first seen), the findings resolved
 * earlier (so one that comes back is told apart from a new one) and the
 * relations' OIDs (so a rename is matched between runs).
 */
import { createHash } from 'node:crypto';
import type { AuditReport } from '../audit.js';
import type { FindingObject } from '../findings/finding.js';
import type { SchemaModel } from '../model/schema-model.js';
import type { CatalogIdentity, CatalogObject } from './catalog-identity.js';
import type { DatabaseIdentity } from './types.js';

export const HISTORY_FORMAT_VERSION = 1;

/** How many resolved findings a record remembers (the oldest resolved are forgotten first). */
export const RESOLVED_KEPT = 2000;

export interface RecordedFinding {
  readonly id: string;
  readonly kind: string;
  readonly category: string;
  readonly severity: string;
  readonly object: FindingObject;
  /** When a run first saw it open (ISO 8601); for one that came back: when it came back. */
  readonly firstSeen: string;
}

export interface ResolvedFinding extends RecordedFinding {
  readonly resolvedAt: string;
}

export interface HistoryRecord {
  readonly formatVersion: typeof HISTORY_FORMAT_VERSION;
  readonly generatedAt: string;
  readonly toolVersion: string;
  readonly database: DatabaseIdentity;
  /** sha256 of the live model (statistics left out). */
  readonly fingerprint: string;
  readonly expectedSha256: string;
  readonly findings: readonly RecordedFinding[];
  readonly resolved: readonly ResolvedFinding[];
  /** `[oid, kind, schema, name]` of the relations read; empty when not known (a model from a file). */
  readonly objects: readonly (readonly [number, CatalogObject['kind'], string, string])[];
}

/** sha256 of the model, without its statistics (row estimates change with the data, not the schema). */
export function modelFingerprint(model: SchemaModel): string {
  const json = JSON.stringify(model, (key, value: unknown) => (key === 'rowEstimate' ? undefined : value));
  return createHash('sha256').update(json).digest('hex');
}

export function databaseIdentity(report: AuditReport, identity: CatalogIdentity | undefined): DatabaseIdentity {
  return {
    systemIdentifier: identity?.systemIdentifier ?? null,
    database: report.target.database,
    serverVersion: report.target.serverVersion,
    location: report.target.location,
  };
}

/** What tells two runs' databases apart: the system identifier and the name where known, else where it is. */
export function identityKey(db: DatabaseIdentity): string {
  const key = db.systemIdentifier !== null ? `sysid:${db.systemIdentifier}/${db.database}` : `at:${db.location}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Whether the value read from a file looks like a record this version can use. */
export function isHistoryRecord(value: unknown): value is HistoryRecord {
  const r = value as Partial<HistoryRecord> | null;
  return (
    typeof r === 'object' && r !== null && r.formatVersion === HISTORY_FORMAT_VERSION && typeof r.generatedAt === 'string' &&
    Array.isArray(r.findings) && Array.isArray(r.resolved) && Array.isArray(r.objects) && typeof r.database === 'object' && r.database !== null
  );
}
