/**
 * `--format gitlab`: GitLab Code Quality (a CodeClimate-style JSON array),
 * shown in merge requests: one issue per finding with a description, the
 * finding kind as check_name, a fingerprint stable across runs (a hash of
 * the finding's stable id), a severity, and a location: the spec file and
 * line defining the expected object when known, else the expected source's
 * file (line 1), else the audited database's name.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AuditReport } from '../../audit.js';
import type { Severity } from '../../findings/finding.js';
import { jsonAscii } from '../../safe-text.js';
import { locateObject, type FileLine } from './locate.js';
import type { CiRenderContext } from './sarif.js';
import { justification } from '../../ack/render.js';

/** GitLab's severities: info, minor, major, critical, blocker. */
const GITLAB_SEVERITY: Readonly<Record<Severity, 'critical' | 'minor' | 'info'>> = { error: 'critical', warning: 'minor', info: 'info' };

/** The same finding id gives the same fingerprint in every run (GitLab tells new issues from fixed ones by it). */
export function fingerprint(findingId: string): string {
  return createHash('sha256').update(`schema-audit\u0000${findingId}`).digest('hex');
}

/** Where a finding without a spec location is put: the expected source's file when it is one, relative to cwd. */
function fallback(report: AuditReport, cwd: string): FileLine {
  if (report.expected.kind === 'database') return { file: report.target.database, line: 1 };
  const relative = path.relative(cwd, path.resolve(cwd, report.expected.source));
  const file = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? report.expected.source : relative;
  return { file: file.split(path.sep).join('/'), line: 1 };
}

export function renderGitlab(report: AuditReport, context: CiRenderContext): string {
  // Acknowledged findings: still issues (their fingerprints stay known to GitLab), at severity info, the acknowledgement said.
  const acknowledged = (report.acknowledgements?.acknowledged ?? []).map((a) => ({ ...a.finding, severity: 'info' as const, message: `${a.finding.message} (${justification(a.by)})` }));
  const issues = [...report.findings, ...acknowledged].map((f) => {
    const where = locateObject(f.object, context.locate, context.cwd) ?? fallback(report, context.cwd);
    return {
      type: 'issue',
      description: f.message,
      check_name: f.kind,
      fingerprint: fingerprint(f.id),
      severity: GITLAB_SEVERITY[f.severity],
      categories: [f.category === 'advice' ? 'Performance' : 'Bug Risk'],
      location: { path: where.file, lines: { begin: where.line } },
    };
  });
  return `${jsonAscii(JSON.stringify(issues, null, 2))}\n`;
}
