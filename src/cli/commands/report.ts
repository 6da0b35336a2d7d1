import path from 'node:path';
import { audit, failsGate, type AuditInput, type AuditReport } from '../../audit.js';
import { UsageError } from '../../errors.js';
import { writeFilesAtomic } from '../../io/write-file.js';
import type { MigrationFiles } from '../../plan/index.js';
import { migrationFiles } from '../../render/migration-files.js';
import { ExitCode } from '../exit-codes.js';
import { renderJson } from '../../render/json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderTerminal } from '../../render/terminal.js';
import type { IndexUsageStats } from '../../introspect/introspector.js';
import type { CliIo } from '../io.js';
import type { GlobalOptions, OutputOptions } from '../options.js';
import { emit, progress, terminalWidth, useColor } from '../output.js';
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
    if (!verification.verified) io.stderr.write(`schema-audit: ${verificationText(verification)}\n`);
    else say(verificationText(verification));
  }
  if (options.migrationDir !== undefined) writeMigration(options.migrationDir, migrationFiles(report), io);
  emit(io, render(report, options, io), options.out);
  return failsGate(report, options.failOn, { includeAdvice: options.failOnAdvice }) ? ExitCode.Drift : ExitCode.Clean;
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
        ...(width === undefined ? {} : { width }),
      });
    }
  }
}

/** DIR/up.sql and DIR/down.sql, both or neither. */
function writeMigration(dir: string, files: MigrationFiles, io: CliIo): void {
  const target = path.resolve(io.cwd, dir);
  try {
    writeFilesAtomic([
      { path: path.join(target, 'up.sql'), content: files.up },
      { path: path.join(target, 'down.sql'), content: files.down },
    ]);
  } catch (err) {
    throw new UsageError(`cannot write the migration to ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
}
