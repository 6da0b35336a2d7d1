/**
 * `--previous REPORT.json`: a saved JSON report as the previous run's
 * record. Its findings are open since their `history` first-seen time when
 * the report has a `history` object, else since the report's time; its
 * `history.resolved` and `history.cameBack`-free memory is what it says. No
 * OIDs: renames are not matched from a report.
 */
import { readFileSync, statSync } from 'node:fs';
import type { AuditReport } from '../audit.js';
import { UsageError } from '../errors.js';
import type { ReportHistory } from './types.js';
import { HISTORY_FORMAT_VERSION, type HistoryRecord, type RecordedFinding } from './record.js';

const MAX_REPORT_BYTES = 256 * 1024 * 1024;

export function recordFromReportFile(file: string): HistoryRecord {
  let report: Partial<AuditReport> & { history?: ReportHistory };
  try {
    if (statSync(file).size > MAX_REPORT_BYTES) throw new Error('larger than 256 MiB');
    report = JSON.parse(readFileSync(file, 'utf8')) as typeof report;
  } catch (err) {
    throw new UsageError(`--previous ${file}: not a readable JSON report (${(err as Error).message})`);
  }
  if (typeof report !== 'object' || report === null || !Array.isArray(report.findings) || typeof report.generatedAt !== 'string' || typeof report.target !== 'object') {
    throw new UsageError(`--previous ${file}: not a schema-audit JSON report (--format json)`);
  }
  const at = report.generatedAt;
  const known = new Map([...(report.history?.open ?? []), ...(report.history?.new ?? []), ...(report.history?.cameBack ?? [])].map((e) => [e.id, e.firstSeen]));
  const findings: RecordedFinding[] = report.findings.map((f) => ({
    id: f.id,
    kind: f.kind,
    category: f.category,
    severity: f.severity,
    object: f.object,
    firstSeen: known.get(f.id) ?? at,
  }));
  return {
    formatVersion: HISTORY_FORMAT_VERSION,
    generatedAt: at,
    toolVersion: report.tool?.version ?? 'unknown',
    database: {
      systemIdentifier: report.history?.database.systemIdentifier ?? null,
      database: report.target!.database,
      serverVersion: report.target!.serverVersion,
      location: report.target!.location,
    },
    fingerprint: report.history?.fingerprint ?? '',
    expectedSha256: report.expected?.sha256 ?? '',
    findings,
    resolved: (report.history?.resolved ?? []).map((e) => ({ id: e.id, kind: e.kind, category: 'drift', severity: e.severity, object: { schema: '' }, firstSeen: e.firstSeen, resolvedAt: e.resolvedAt ?? at })),
    objects: [],
  };
}
