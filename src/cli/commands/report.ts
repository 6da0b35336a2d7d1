import path from 'node:path';
import { audit, failsGate, type AuditInput, type AuditReport } from '../../audit.js';
import { writeOutputs, type Output } from '../../io/write-file.js';
import type { MigrationFiles } from '../../plan/index.js';
import { migrationFiles } from '../../render/migration-files.js';
import { ExitCode } from '../exit-codes.js';
import { visible } from '../../safe-text.js';
import type { SpecLocator } from '../../render/ci/locate.js';
import { githubAnnotations } from '../../render/ci/github.js';
import { githubStepSummary, pipeWidth } from '../ci-outputs.js';
import { renderReport, type RenderContext } from '../report-formats.js';
import type { IndexUsageStats } from '../../introspect/introspector.js';
import type { CliIo } from '../io.js';
import type { GlobalOptions, OutputOptions } from '../options.js';
import { progress, terminalWidth, useColor } from '../output.js';
import { VERSION } from '../version.js';
import { verificationText, verifyPlan } from '../../verify/verify.js';
import { scratchMajor } from '../../expected/resolve-expected.js';
import { runHistory } from '../history-options.js';
import { readAcknowledgements } from '../ack-options.js';
import type { InputLimits } from '../../spec-file/input-limits.js';

export interface ReportContext {
  /** Index usage counters for the `unused_index` advice. */
  readonly stats?: IndexUsageStats;
  /** Why there are none (the role may not read them), for the report. */
  readonly statsUnavailable?: string;
  /** A server of ours for --verify's scratch database (the demo's); default: start one. */
  readonly scratchServerUrl?: string;
  /** A fleet's target (src/cli/commands/fleet.ts): the report is handed here, not rendered or written. */
  readonly keep?: (report: AuditReport, locate: SpecLocator | undefined) => void;
}

/** Shared by `audit` and `demo`: diff, plan, verify, render, write, and the exit code. */
export async function reportAudit(
  input: Omit<AuditInput, 'toolVersion' | 'generatedAt' | 'advice' | 'remediation'> & {
    readonly expected: AuditInput['expected'] & { readonly backfills?: ReadonlyMap<string, string>; readonly locate?: SpecLocator };
  },
  options: OutputOptions & GlobalOptions,
  io: CliIo,
  context: ReportContext = {},
): Promise<ExitCode> {
  const stats = context.stats;
  const say = progress(io, options.verbose);
  const acknowledgements = readAcknowledgements(options.ackFile, io, (options as { limits?: InputLimits }).limits);
  let report = audit({
    ...input,
    ...(acknowledgements ? { acknowledgements } : {}),
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
  // History first, so a fleet's targets (context.keep) are compared with their previous runs too.
  const history = runHistory(report, input.live, options, io);
  report = history.report;
  if (context.keep) context.keep(report, input.expected.locate);
  else {
    const rendering = renderContext(options, io, input.expected.locate);
    writeAll(report, renderReport(report, options.format, rendering), options, io, rendering);
  }
  await history.after();
  return failsGate(report, options.failOn, { includeAdvice: options.failOnAdvice, strictCoverage: options.strictCoverage }) ? ExitCode.Drift : ExitCode.Clean;
}

/**
 * How the reports are rendered. The text report: coloured when stdout is a
 * terminal (or --color), wrapped to the terminal's width there; on a pipe
 * or in a file (never a terminal; coloured only with --color) wrapped to
 * COLUMNS when set, else 100 columns.
 */
export function renderContext(options: OutputOptions & GlobalOptions, io: CliIo, locate: SpecLocator | undefined): RenderContext {
  const toStdout = options.out === undefined;
  const color = toStdout ? useColor(options.color, io) : options.color === true;
  const width = (toStdout ? terminalWidth(io) : undefined) ?? pipeWidth(io.env);
  return {
    cwd: io.cwd,
    ...(locate ? { locate } : {}),
    failOnAdvice: options.failOnAdvice,
    terminal: { color, failOn: options.failOn, failOnAdvice: options.failOnAdvice, strictCoverage: options.strictCoverage, width },
  };
}

/**
 * Every output of the run, all or nothing: the migration (DIR/up.sql and
 * DIR/down.sql) and the --out report are staged first and put in place
 * together; a failure of either writes neither. The report goes to stdout
 * only when there is no --out, after the files are in place.
 */
function writeAll(report: AuditReport, text: string, options: OutputOptions & GlobalOptions, io: CliIo, context: RenderContext): void {
  const outputs: Output[] = [];
  for (const extra of options.reports) {
    // A file is never a terminal: the text report in it is plain unless --color.
    const terminal = { ...context.terminal, color: options.color === true };
    const content = renderReport(report, extra.format, { ...context, terminal });
    outputs.push({ kind: 'file', label: extra.path, path: path.resolve(io.cwd, extra.path), content });
  }
  const summary = githubStepSummary(report, io.env);
  if (summary !== undefined) outputs.push(summary);
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
  if (io.env.GITHUB_ACTIONS === 'true') io.stderr.write(githubAnnotations(report, context));
  if (options.out === undefined) io.stdout.write(text);
}
