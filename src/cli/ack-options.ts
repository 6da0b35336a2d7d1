/**
 * The `ack` command's flags and options, and `--ack-file` (audit, demo):
 * kept out of options.ts (its size), wired in there with a line or two.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { DEFAULT_ACK_FILE, loadAckFile } from '../ack/ack-file.js';
import { dateProblem, findingIdProblem, printable, textProblem } from '../ack/ids.js';
import type { AcknowledgementFile } from '../ack/types.js';
import { UsageError } from '../errors.js';
import type { InputLimits } from '../spec-file/input-limits.js';
import type { CliIo } from './io.js';

/** `schema-audit ack FINDING_ID --reason TEXT --owner WHO [--expires DATE] [--ticket REF] [--file PATH]`. */
export interface AckCommandOptions {
  readonly command: 'ack';
  readonly verbose: boolean;
  readonly color: boolean | undefined;
  readonly findingId: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string | undefined;
  readonly ticket: string | undefined;
  /** The acknowledgements file, as given (default schema-audit.ack.yaml in the current directory). */
  readonly file: string;
}

/** `--ack-file`, on audit and demo. */
export interface AckFileOption {
  /** The acknowledgements file to apply (--ack-file), as given; undefined: none. */
  readonly ackFile: string | undefined;
}

export const ACK_FILE_FLAG = {
  type: 'string',
  describe: `Acknowledged drift (a YAML file written by schema-audit ack, e.g. ${DEFAULT_ACK_FILE}): its findings do not fail the run until they expire; listed apart in the report`,
} as const;

/** `--ack-file`'s value, checked: a path. */
export function ackFileFlag(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const file = String(value);
  if (file.trim() === '' || /[\u0000\n\r]/.test(file)) throw new UsageError('--ack-file needs a file');
  return file;
}

/**
 * The acknowledgements of a run: the --ack-file read and validated (exit 2
 * with file:line problems when it cannot be used), held to the run's input
 * limits. Without --ack-file none are read; a schema-audit.ack.yaml in the
 * current directory is then named on stderr, never applied silently.
 */
export function readAcknowledgements(ackFile: string | undefined, io: CliIo, limits?: InputLimits): AcknowledgementFile | undefined {
  if (ackFile === undefined) {
    if (existsSync(path.join(io.cwd, DEFAULT_ACK_FILE))) {
      io.stderr.write(`schema-audit: note: ${DEFAULT_ACK_FILE} is here but not read: pass --ack-file ${DEFAULT_ACK_FILE} to apply it\n`);
    }
    return undefined;
  }
  return loadAckFile(ackFile, path.resolve(io.cwd, ackFile), limits);
}

/** A required one-line text flag, or a usage error naming it. */
function textFlag(value: unknown, flag: string): string {
  if (value === undefined) throw new UsageError(`ack needs ${flag} TEXT`);
  const problem = textProblem(String(value));
  if (problem !== undefined) throw new UsageError(`${flag} ${problem}`);
  return String(value);
}

/** `ack`: its flags, and the options they make (every bad value: one line, exit 2). */
export function ackCommand<T>(y: Argv<T>, select: (options: AckCommandOptions) => void): Argv<T> {
  return y.command(
    'ack <finding-id>',
    'Acknowledge a finding (accepted drift) in the acknowledgements file, for audit --ack-file: it stops failing the audit until it expires',
    (y) =>
      y
        .positional('finding-id', { type: 'string', describe: "The finding's id, as the report's findings[].id: <kind>:<object>, e.g. missing_index:public.leads.idx_leads_score" })
        .option('reason', { type: 'string', describe: 'Why the drift is accepted (required)' })
        .option('owner', { type: 'string', describe: 'Who owns the decision: a person or a team (required)' })
        .option('expires', { type: 'string', describe: 'The last day the acknowledgement holds, yyyy-mm-dd (UTC); after it the finding fails again' })
        .option('ticket', { type: 'string', describe: 'A ticket or link tracking the fix' })
        .option('file', { type: 'string', describe: `The acknowledgements file to add to or update (default ./${DEFAULT_ACK_FILE}); written atomically` })
        .example('$0 ack missing_index:public.leads.idx_leads_score --reason "built by release 42" --owner data-team --expires 2027-01-31 --ticket OPS-1234', 'Then: audit --ack-file schema-audit.ack.yaml'),
    (a) => {
      const findingId = String(a['finding-id'] ?? '');
      const idProblem = findingIdProblem(findingId);
      if (idProblem !== undefined) throw new UsageError(`ack: ${idProblem}`);
      const expires = a.expires === undefined ? undefined : String(a.expires);
      const day = expires === undefined ? undefined : dateProblem(expires);
      if (day !== undefined) throw new UsageError(`--expires: ${day}`);
      const ticket = a.ticket === undefined ? undefined : textFlag(a.ticket, '--ticket');
      const file = a.file === undefined ? DEFAULT_ACK_FILE : String(a.file);
      if (file.trim() === '' || /[\u0000\n\r]/.test(file)) throw new UsageError(`--file needs a file, not '${printable(file)}'`);
      select({
        command: 'ack',
        verbose: a.verbose === true,
        color: a.color as boolean | undefined,
        findingId,
        reason: textFlag(a.reason, '--reason'),
        owner: textFlag(a.owner, '--owner'),
        expires,
        ticket,
        file,
      });
    },
  );
}
