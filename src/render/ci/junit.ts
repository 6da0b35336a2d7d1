/**
 * `--format junit`: the audit as JUnit XML, the test-report format every CI
 * system reads (Jenkins, GitLab, Azure DevOps, CircleCI, GitHub test
 * reporters). One test case per compared object (an expected object found in
 * the database, or an object a finding is about), one `<failure>` per drift
 * finding on it. Advice findings are a second suite; they are failures only
 * with --fail-on-advice (as for the exit code), else passed test cases whose
 * advice is in `<system-out>`. Acknowledged findings are a third suite of
 * skipped test cases, the acknowledgement as the skip's message.
 */
import type { AuditReport, ReportFinding } from '../../audit.js';
import { objectDisplayName, objectPath, type FindingObject } from '../../findings/finding.js';
import { isFindingKind, objectKindOf } from '../../findings/kinds.js';
import { openTag, xmlText } from './xml.js';
import { acknowledgedSuite } from '../../ack/ci.js';

export interface JunitOptions {
  /** Advice findings are failures (--fail-on-advice). */
  readonly failOnAdvice?: boolean;
}

interface Case {
  readonly classname: string;
  readonly name: string;
  readonly findings: ReportFinding[];
}

/** The kind of object a drift finding is about (`missing_column` → column; `comment_mismatch` names it in the object). */
function objectKind(f: ReportFinding): string {
  if (f.object.kind !== undefined) return f.object.kind;
  return isFindingKind(f.kind) ? objectKindOf(f.kind).name : 'object';
}

function caseKey(kind: string, object: FindingObject): string {
  return `${kind}\u0000${objectDisplayName(object)}`;
}

function failure(f: ReportFinding): string {
  const body = [`${f.severity}: ${f.message}`, `id: ${f.id}`];
  if (f.expected !== null && f.expected !== undefined) body.push(`expected: ${JSON.stringify(f.expected)}`);
  if (f.actual !== null && f.actual !== undefined) body.push(`actual: ${JSON.stringify(f.actual)}`);
  return `${openTag('failure', { message: f.message, type: f.kind })}${xmlText(body.join('\n'))}</failure>`;
}

function suite(name: string, cases: readonly Case[], timestamp: string, failed: (c: Case) => boolean): string {
  const failures = cases.filter(failed).reduce((n, c) => n + c.findings.length, 0);
  const lines = [`  ${openTag('testsuite', { name, tests: cases.length, failures, errors: 0, skipped: 0, time: 0, timestamp })}`];
  for (const c of cases) {
    const open = `    ${openTag('testcase', { classname: c.classname, name: c.name, time: 0 })}`;
    if (c.findings.length === 0) {
      lines.push(`${open.slice(0, -1)}/>`);
      continue;
    }
    lines.push(open);
    if (failed(c)) for (const f of c.findings) lines.push(`      ${failure(f)}`);
    else lines.push(`      <system-out>${xmlText(c.findings.map((f) => `${f.severity}: ${f.message} (${f.id})`).join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>');
  return lines.join('\n');
}

export function renderJunit(report: AuditReport, options: JunitOptions = {}): string {
  const drift = new Map<string, Case>();
  const add = (kind: string, object: FindingObject): Case => {
    const key = caseKey(kind, object);
    let c = drift.get(key);
    if (c === undefined) {
      c = { classname: objectPath(object).slice(0, -1).join('.') || object.schema, name: `${kind} ${objectDisplayName(object)}`, findings: [] };
      drift.set(key, c);
    }
    return c;
  };
  for (const p of report.present) add(p.kind, p.object);
  const advice: Case[] = [];
  for (const f of report.findings) {
    if (f.category === 'advice') advice.push({ classname: 'advice', name: `${f.kind} ${objectDisplayName(f.object)}`, findings: [f] });
    else add(objectKind(f), f.object).findings.push(f);
  }
  const cases = [...drift.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const suites = [suite('schema-audit drift', cases, report.generatedAt, () => true)];
  if (report.advice !== undefined) suites.push(suite('schema-audit advice', advice, report.generatedAt, () => options.failOnAdvice === true));
  const acknowledged = acknowledgedSuite(report);
  if (acknowledged !== undefined) suites.push(acknowledged.xml);
  const tests = cases.length + (report.advice !== undefined ? advice.length : 0) + (acknowledged?.tests ?? 0);
  const failures = report.summary.total + (options.failOnAdvice === true ? advice.length : 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    openTag('testsuites', { name: `schema-audit ${report.target.database}`, tests, failures, errors: 0, time: 0 }),
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
