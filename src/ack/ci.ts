/**
 * Acknowledged findings in the CI formats (src/render/ci): a SARIF
 * suppression (kind external: the acknowledgements file or the spec, status
 * accepted, the reason as justification), a JUnit suite of skipped test
 * cases, and GitLab Code Quality issues at severity info.
 */
import type { Suppression } from 'sarif';
import type { AuditReport } from '../audit.js';
import { objectDisplayName } from '../findings/finding.js';
import { openTag, xmlText } from '../render/ci/xml.js';
import { justification } from './render.js';
import type { AcceptedBy } from './types.js';

/** The SARIF suppression of an acknowledged finding. */
export function suppression(by: AcceptedBy): Suppression {
  return {
    kind: 'external',
    status: 'accepted',
    justification: justification(by),
    ...(by.at !== undefined ? { properties: { acknowledgedAt: by.at } } : {}),
  };
}

/** The JUnit suite of the acknowledged findings: a skipped test case each; undefined when there are none. */
export function acknowledgedSuite(report: AuditReport): { xml: string; tests: number } | undefined {
  const acknowledged = report.acknowledgements?.acknowledged ?? [];
  if (acknowledged.length === 0) return undefined;
  const n = acknowledged.length;
  const lines = [`  ${openTag('testsuite', { name: 'schema-audit acknowledged', tests: n, failures: 0, errors: 0, skipped: n, time: 0, timestamp: report.generatedAt })}`];
  for (const { finding: f, by } of acknowledged) {
    lines.push(`    ${openTag('testcase', { classname: 'acknowledged', name: `${f.kind} ${objectDisplayName(f.object)}`, time: 0 })}`);
    lines.push(`      ${openTag('skipped', { message: justification(by) })}${xmlText(`${f.severity}: ${f.message}\nid: ${f.id}`)}</skipped>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>');
  return { xml: lines.join('\n'), tests: n };
}
