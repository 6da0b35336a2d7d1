/**
 * `--format sarif`: SARIF 2.1.0, the static-analysis format GitHub code
 * scanning, GitLab, Azure DevOps and IDE viewers read. A rule per finding
 * kind (drift and advice) with help text; a result per finding, located at
 * the spec file and line that define the expected object when the expected
 * source is a spec (a logical location naming the object always); levels
 * from severities (error, warning, info → note). Validated against the
 * OASIS schema in test/render/ci-formats.test.ts.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { AuditReport } from '../../audit.js';
import { ADVICE_KINDS } from '../../advice/index.js';
import { objectDisplayName, type Severity } from '../../findings/finding.js';
import { FINDING_KINDS } from '../../findings/kinds.js';
import { jsonAscii } from '../../safe-text.js';
import { locateObject, type SpecLocator } from './locate.js';
import { ruleText } from './rules.js';
import { suppression } from '../../ack/ci.js';

export interface CiRenderContext {
  /** Where the spec defines each object (a spec source only). */
  readonly locate?: SpecLocator;
  /** The directory the run started in: locations are relative to it. */
  readonly cwd: string;
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

const INFORMATION_URI = 'https://www.npmjs.com/package/schema-audit';

function rule(kind: string): ReportingDescriptor {
  const text = ruleText(kind);
  return {
    id: kind,
    name: kind,
    shortDescription: { text: text.short },
    fullDescription: { text: `${text.short} ${text.help}` },
    help: { text: text.help },
    defaultConfiguration: { level: LEVEL[text.severity] },
  };
}

/** A file relative to the run's directory as a URI relative to %SRCROOT%; one outside it as a file:// URI. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function renderSarif(report: AuditReport, context: CiRenderContext): string {
  const kinds = [...FINDING_KINDS, ...ADVICE_KINDS] as string[];
  // A kind this version does not list (a report read back) still gets its rule.
  const acknowledged = report.acknowledgements?.acknowledged ?? [];
  for (const f of [...report.findings, ...acknowledged.map((a) => a.finding)]) if (!kinds.includes(f.kind)) kinds.push(f.kind);
  const index = new Map(kinds.map((k, i) => [k, i]));
  const toResult = (f: AuditReport['findings'][number]): Result => {
    const where = locateObject(f.object, context.locate, context.cwd);
    const name = objectDisplayName(f.object);
    return {
      ruleId: f.kind,
      ruleIndex: index.get(f.kind) as number,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          ...(where
            ? { physicalLocation: { artifactLocation: artifact(where.file), region: { startLine: where.line } } }
            : {}),
          logicalLocations: [{ name, fullyQualifiedName: name, kind: f.object.kind ?? 'object' }],
        },
      ],
      partialFingerprints: { 'schemaAuditFindingId/v1': f.id },
      properties: { category: f.category, findingId: f.id },
    };
  };
  // Acknowledged findings: results with an accepted suppression and its justification (SARIF 2.1.0 §3.35).
  const results = [...report.findings.map(toResult), ...acknowledged.map((a) => ({ ...toResult(a.finding), suppressions: [suppression(a.by)] }))];
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'schema-audit', version: report.tool.version, informationUri: INFORMATION_URI, rules: kinds.map(rule) } },
        automationDetails: { id: `schema-audit/${report.target.database}/` },
        invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt }],
        results,
      },
    ],
  };
  return `${jsonAscii(JSON.stringify(log, null, 2))}\n`;
}
