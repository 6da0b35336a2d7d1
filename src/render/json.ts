import type { AuditReport } from '../audit.js';

/** Stable JSON: the report's own key order, two-space indent, final newline. */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
