import type { AuditReport } from '../audit.js';

/**
 * Plain text: one line per finding, grouped by severity, then a summary line.
 * (The full terminal report with colours and tables is a later release.)
 */
export function renderText(report: AuditReport): string {
  const lines: string[] = [];
  lines.push(`schema-audit ${report.tool.version}: ${report.target.location} (PostgreSQL ${report.target.serverVersion})`);
  lines.push(`expected: ${report.expected.source} (${report.expected.kind}, sha256 ${report.expected.sha256.slice(0, 12)})`);
  lines.push('');
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${severity.toUpperCase()} (${group.length})`);
    for (const f of group) lines.push(`  ${f.kind.padEnd(28)} ${f.message}`);
    lines.push('');
  }
  const s = report.summary;
  lines.push(
    s.total === 0
      ? `No drift: the database matches the expected schema (${report.present.length} expected objects present).`
      : `${s.total} finding${s.total === 1 ? '' : 's'}: ${s.error} error, ${s.warning} warning, ${s.info} info; ${report.present.length} expected objects present.`,
  );
  return `${lines.join('\n')}\n`;
}
