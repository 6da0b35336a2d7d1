import { audit, failsGate, type AuditInput } from '../../audit.js';
import { ExitCode } from '../../errors.js';
import { renderJson } from '../../render/json.js';
import { renderText } from '../../render/text.js';
import type { CliIo } from '../io.js';
import type { OutputOptions } from '../options.js';
import { emit } from '../output.js';
import { VERSION } from '../version.js';

/** Shared by `audit` and `demo`: diff, render, write, and the exit code. */
export function reportAudit(input: Omit<AuditInput, 'toolVersion' | 'generatedAt'>, options: OutputOptions, io: CliIo): ExitCode {
  const report = audit({ ...input, toolVersion: VERSION, generatedAt: options.now ?? new Date().toISOString() });
  emit(io, options.format === 'json' ? renderJson(report) : renderText(report), options.out);
  return failsGate(report, options.failOn) ? ExitCode.Drift : ExitCode.Clean;
}
