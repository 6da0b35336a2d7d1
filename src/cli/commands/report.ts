import path from 'node:path';
import { audit, failsGate, type AuditInput, type AuditReport } from '../../audit.js';
import { writeOutputs, type Output } from '../../io/write-file.js';
import type { MigrationFiles } from '../../plan/index.js';
import { migrationFiles } from '../../render/migration-files.js';
import { ExitCode } from '../exit-codes.js';
import { visible } from '../../safe-text.js';
import { renderJson } from '../../render/json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderTerminal } from '../../render/terminal.js';
import type { IndexUsageStats } from '../../introspect/introspector.js';
import type { CliIo } from '../io.js';
import type { GlobalOptions, OutputOptions } from '../options.js';
import { progress, terminalWidth, useColor } from '../output.js';
import { VERSION } from '../version.js';
import { verificationText, verifyPlan } from '../../verify/verify.js';
import { scratchMajor } from '../../expected/resolve-expected.js';

export interface ReportContext {
  /** Index usage counters for the `unused_index` advice. */
  readonly stats?: IndexUsageStats;
  /** Why there are none (the role may not read them), for the report. */
  readonly statsUnavailable?: string;
  /** A server of ours for --verify's scratch database (the demo's); default: start one. */
  readonly scratchServerUrl?: string;
}

/** Shared by `audit` and `demo`: diff, plan, verify, render, write, and the exit code. */
export async function reportAudit(
  input: Omit<AuditInput, 'toolVersion' | 'generatedAt' | 'advice' | 'remediation'> & {
    readonly expected: AuditInput['expected'] & { readonly backfills?: ReadonlyMap<string, string> };
  },
  options: OutputOptions & GlobalOptions,
  io: CliIo,
  context: ReportContext = {},
): Promise<ExitCode> {
  const stats = context.stats;
  const say = progress(io, options.verbose);
  let report = audit({
    ...input,
    toolVersion: VERSION,
    generatedAt: options.now ?? new Date().toISOString(),
    advice: {
      enabled: options.advice,
      disabled: options.disabledAdvice,
      ...(stats ? { stats } : {}),
      ...(context.statsUnavailable ? { statsUnavailable: context.statsUnavailable } : {}),
    },
    remediation: {
      dropUnexpected: options.dropUnexpected,
      convertTypes: options.convertTypes,
      ...(input.expected.backfills ? { backfills: input.expected.backfills } : {}),
    },
  });
  const n = report.findings.length;
  say(`compared the schemas: ${n} finding${n === 1 ? '' : 's'}`);
  if (options.verify && report.remediation) {
    const verification = await verifyPlan({
      plan: report.remediation,
      live: input.live.model,
      expected: input.expected.model,
      major: scratchMajor(input.live.server.major),
      ...(input.diff ? { diff: input.diff } : {}),
      ...(context.scratchServerUrl ? { serverUrl: context.scratchServerUrl } : {}),
      onProgress: say,
    });
    report = { ...report, remediation: { ...report.remediation, verification } };
    if (!verification.verified) io.stderr.write(`schema-audit: ${visible(verificationText(verification))}\n`);
    else say(verificationText(verification));
  }
  writeAll(report, render(report, options, io), options, io);
  return failsGate(report, options.failOn, { includeAdvice: options.failOnAdvice, strictCoverage: options.strictCoverage }) ? ExitCode.Drift : ExitCode.Clean;
}

function render(report: AuditReport, options: OutputOptions & GlobalOptions, io: CliIo): string {
  switch (options.format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'auto':
    case 'text': {
      // A file (--out) is never a terminal: colour only when asked for with --color, no wrapping.
      const toStdout = options.out === undefined;
      const color = toStdout ? useColor(options.color, io) : options.color === true;
      const width = toStdout ? terminalWidth(io) : undefined;
      return renderTerminal(report, {
        color,
        failOn: options.failOn,
        failOnAdvice: options.failOnAdvice,
        strictCoverage: options.strictCoverage,
        ...(width === undefined ? {} : { width }),
      });
    }
  }
}

/**
 * Every output of the run, all or nothing: the migration (DIR/up.sql and
 * DIR/down.sql) and the --out report are staged first and put in place
 * together; a failure of either writes neither. The report goes to stdout
 * only when there is no --out, after the files are in place.
 */
function writeAll(report: AuditReport, text: string, options: OutputOptions, io: CliIo): void {
  const outputs: Output[] = [];
  if (options.migrationDir !== undefined) {
    const files: MigrationFiles = migrationFiles(report);
    outputs.push({
      kind: 'dir',
      label: `the migration to ${options.migrationDir}`,
      dir: path.resolve(io.cwd, options.migrationDir),
      files: [
        { name: 'up.sql', content: files.up },
        { name: 'down.sql', content: files.down },
      ],
    });
  }
  if (options.out !== undefined) outputs.push({ kind: 'file', label: options.out, path: path.resolve(io.cwd, options.out), content: text });
  writeOutputs(outputs);
  if (options.out === undefined) io.stdout.write(text);
}
