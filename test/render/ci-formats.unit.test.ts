import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditReport } from '../../src/audit.js';
import { escapeData, escapeProperty, githubAnnotations, githubSummary } from '../../src/render/ci/github.js';
import { fingerprint, renderGitlab } from '../../src/render/ci/gitlab.js';
import { renderJunit } from '../../src/render/ci/junit.js';
import { renderSarif } from '../../src/render/ci/sarif.js';
import { specPath } from '../../src/render/ci/locate.js';
import { parseReports } from '../../src/cli/report-formats.js';
import { parseXml, sarifValidator } from './ci-support.js';

/**
 * The CI formats on the real-run report fixtures and on a report whose names
 * and messages hold everything hostile: SARIF validated against the OASIS
 * SARIF 2.1.0 schema (test/fixtures/sarif, vendored from oasis-tcs/sarif-spec,
 * sarif-2.1/schema/sarif-schema-2.1.0.json), JUnit XML parsed by a strict
 * XML parser (saxes), GitLab Code Quality checked field by field.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CWD = path.resolve(HERE, '../..');

function fixture(name: string): AuditReport {
  return JSON.parse(readFileSync(path.join(HERE, 'fixtures', `${name}-report.json`), 'utf8')) as AuditReport;
}

/** Names and a message no format may let out: CDATA end, markup, quotes, controls, a workflow command, lone surrogates. */
const HOSTILE = 'a]]>b<c>&"q\'\u0001\u0007\u001b[31m\r\n::error::pwned,x:y%\ud800\u2028';

function hostile(): AuditReport {
  const base = fixture('everything');
  const [first] = base.findings;
  const finding = { ...(first as NonNullable<typeof first>), id: `missing_column:public."${HOSTILE}"`, object: { schema: 'public', table: HOSTILE, column: HOSTILE }, message: `column ${HOSTILE} is missing` };
  return { ...base, target: { ...base.target, database: HOSTILE }, findings: [finding as AuditReport['findings'][number], ...base.findings.slice(1)] };
}

const REPORTS = ['onekeel', 'clean', 'everything'] as const;

describe('sarif', () => {
  const validate = sarifValidator();

  test.each([...REPORTS, 'hostile'])('%s: valid SARIF 2.1.0, a result per finding, a rule per kind with help', (name) => {
    const report = name === 'hostile' ? hostile() : fixture(name);
    const text = renderSarif(report, { cwd: CWD });
    const log = JSON.parse(text);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run.results).toHaveLength(report.findings.length);
    for (const [i, f] of report.findings.entries()) {
      const r = run.results[i];
      expect(r.ruleId).toBe(f.kind);
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.kind);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity]);
      expect(r.message.text).toBe(f.message);
      expect(r.locations[0].logicalLocations[0].fullyQualifiedName).toBeTruthy();
      expect(r.locations[0].physicalLocation).toBeUndefined(); // not a spec source: no file to point at
    }
    for (const rule of run.tool.driver.rules) expect(rule.help.text.length).toBeGreaterThan(10);
    expect(new Set(run.tool.driver.rules.map((r: { id: string }) => r.id)).size).toBe(run.tool.driver.rules.length);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u2028]/); // nothing a terminal acts on
  });

  test('a spec source: results point at the file and line defining the object, relative to the run directory', () => {
    const report = fixture('onekeel');
    const calls: string[][] = [];
    const locate = (logical: readonly string[]) => {
      calls.push([...logical]);
      return { file: path.join(CWD, 'specs', 'schema.yaml'), line: 10 + logical.length, path: logical.join('.') };
    };
    const log = JSON.parse(renderSarif(report, { cwd: CWD, locate }));
    expect(validate(log)).toBe(true);
    const located = log.runs[0].results.filter((r: { locations: { physicalLocation?: unknown }[] }) => r.locations[0]?.physicalLocation);
    expect(located.length).toBeGreaterThan(0);
    expect(located[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'specs/schema.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: expect.any(Number) },
    });
    expect(calls).toContainEqual(['tables', 'public', 'leads', 'columns', 'score']);
    // A spec outside the run's directory: a file:// URI, still valid SARIF.
    const outside = JSON.parse(renderSarif(report, { cwd: path.join(CWD, 'src'), locate: () => ({ file: '/specs/a b.yaml', line: 3, path: '' }) }));
    expect(validate(outside)).toBe(true);
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///specs/a%20b.yaml' });
  });
});

describe('spec paths', () => {
  test('containers and members map to the spec sections that define them', () => {
    expect(specPath({ schema: 'public', table: 'leads', column: 'score' })).toEqual(['tables', 'public', 'leads', 'columns', 'score']);
    expect(specPath({ schema: 'public', table: 'leads', constraint: 'leads_pkey' })).toEqual(['tables', 'public', 'leads']);
    expect(specPath({ schema: 's', enum: 'e', value: 'v' })).toEqual(['enums', 's', 'e']);
    expect(specPath({ schema: 's', view: 'v', index: 'i' })).toEqual(['views', 's', 'v', 'indexes', 'i']);
    expect(specPath({ schema: 's', eventTrigger: 'x' })).toBeUndefined();
  });
});

describe('junit', () => {
  test.each([...REPORTS, 'hostile'])('%s: well-formed XML, testsuites/testsuite/testcase, a failure per drift finding', (name) => {
    const report = name === 'hostile' ? hostile() : fixture(name);
    const xml = renderJunit(report);
    const elements = parseXml(xml);
    expect(elements[0]!.name).toBe('testsuites');
    const failures = elements.filter((e) => e.name === 'failure');
    const drift = report.findings.filter((f) => f.category === 'drift');
    expect(failures).toHaveLength(drift.length);
    expect(failures.map((f) => f.attributes.type)).toEqual(expect.arrayContaining(drift.map((f) => f.kind)));
    const suites = elements.filter((e) => e.name === 'testsuite');
    const cases = elements.filter((e) => e.name === 'testcase');
    expect(Number(elements[0]!.attributes.tests)).toBe(cases.length);
    expect(suites.reduce((n, s) => n + Number(s.attributes.tests), 0)).toBe(cases.length);
    expect(Number(suites[0]!.attributes.failures)).toBe(drift.length);
    // Every expected object found is a test case too (passing unless a finding is about it).
    expect(cases.length).toBeGreaterThanOrEqual(report.present.length);
  });

  test('hostile names and messages come back as written, control characters made visible', () => {
    const xml = renderJunit(hostile());
    expect(xml).not.toContain(']]>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const failure = parseXml(xml).find((e) => e.name === 'failure' && e.attributes.message?.startsWith('column a]]>'))!;
    expect(failure.attributes.message).toBe('column a]]>b<c>&"q\'\\u0001\\u0007\\u001b[31m\r\n::error::pwned,x:y%\\ud800\u2028 is missing');
  });

  test('advice is a failure only with --fail-on-advice', () => {
    const report = fixture('everything');
    const advice = report.findings.filter((f) => f.category === 'advice').length;
    expect(advice).toBeGreaterThan(0);
    const count = (xml: string) => parseXml(xml).filter((e) => e.name === 'failure').length;
    expect(count(renderJunit(report, { failOnAdvice: true })) - count(renderJunit(report))).toBe(advice);
  });
});

describe('gitlab', () => {
  test.each([...REPORTS, 'hostile'])('%s: Code Quality issues with stable fingerprints', (name) => {
    const report = name === 'hostile' ? hostile() : fixture(name);
    const issues = JSON.parse(renderGitlab(report, { cwd: CWD }));
    expect(issues).toHaveLength(report.findings.length);
    for (const [i, issue] of issues.entries()) {
      const f = report.findings[i]!;
      expect(Object.keys(issue)).toEqual(expect.arrayContaining(['description', 'check_name', 'fingerprint', 'severity', 'location']));
      expect(issue.description).toBe(f.message);
      expect(issue.check_name).toBe(f.kind);
      expect(issue.fingerprint).toBe(fingerprint(f.id));
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.path).toBe(report.expected.source);
      expect(issue.location.lines.begin).toBe(1);
    }
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    // The same report rendered again: the same fingerprints (a rerun tells new issues from old by them).
    expect(renderGitlab(report, { cwd: CWD })).toBe(renderGitlab(report, { cwd: CWD }));
  });
});

describe('github', () => {
  test('escaping as the toolkit does: %, CR, LF in data; also : and , in properties', () => {
    expect(escapeData('50% a\r\nb:c,d')).toBe('50%25 a%0D%0Ab:c,d');
    expect(escapeProperty('50% a\r\nb:c,d')).toBe('50%25 a%0D%0Ab%3Ac%2Cd');
  });

  test('an annotation per finding, one line each, none able to start a command of its own', () => {
    const report = hostile();
    const text = githubAnnotations(report, { cwd: CWD });
    const lines = text.split('\n').slice(0, -1);
    expect(lines).toHaveLength(report.findings.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) title=[^:]*::/);
    expect(lines[0]).toMatch(/ title=schema-audit \w+ public\./);
    // The title's line break and colons escaped; the message's controls shown as text (no raw CR or LF anywhere).
    expect(lines[0]).toContain('%3A%3Aerror%3A%3Apwned%2Cx%3Ay%25');
    expect(lines[0]).toContain('::column a]]>b<c>&"q\'\\x01\\x07\\x1b[31m\\r\\n::error::pwned,x:y%25');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  test('a spec location becomes file= and line=', () => {
    const report = fixture('onekeel');
    const locate = () => ({ file: path.join(CWD, 'spec, v1:a.yaml'), line: 7, path: '' });
    const first = githubAnnotations(report, { cwd: CWD, locate }).split('\n')[0]!;
    expect(first).toMatch(/^::(error|warning|notice) file=spec%2C v1%3Aa\.yaml,line=7,title=/);
  });

  test('the step summary: counts and a table, markdown-safe', () => {
    const summary = githubSummary(hostile());
    expect(summary).toMatch(/^## schema-audit: /);
    expect(summary).toContain('| Severity | Object | Finding |');
    expect(summary).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(summary.split('\n').filter((l) => l.startsWith('|')).length).toBe(2 + hostile().findings.length);
    expect(githubSummary(fixture('clean'))).toContain('No drift from');
  });
});

describe('--report', () => {
  test('FORMAT=PATH, repeatable; a bad format, a missing path or a path twice is refused', () => {
    expect(parseReports(['junit=out.xml', 'SARIF=a=b.sarif'])).toEqual([
      { format: 'junit', path: 'out.xml' },
      { format: 'sarif', path: 'a=b.sarif' },
    ]);
    expect(() => parseReports(['pdf=x'])).toThrow(/FORMAT one of text, json, markdown, html, junit, sarif, gitlab/);
    expect(() => parseReports(['junit='])).toThrow(/FORMAT=PATH/);
    expect(() => parseReports(['out.xml'])).toThrow(/FORMAT=PATH/);
    expect(() => parseReports(['junit=x', 'sarif=x'])).toThrow(/given twice/);
  });
});
