import { existsSync } from 'node:fs';
import path from 'node:path';
import { isExpired } from '../../ack/decide.js';
import { editAckFile } from '../../ack/write-ack.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { visible } from '../../safe-text.js';
import { DEFAULT_INPUT_LIMITS, readInputFile } from '../../spec-file/input-limits.js';
import type { AckCommandOptions } from '../ack-options.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/**
 * `schema-audit ack`: add the acknowledgement to the file, or update the
 * entry for the same finding (src/ack/write-ack.ts), atomically. The file
 * as it was must be valid (else exit 2 with its problems at file:line); a
 * file that does not exist yet is created.
 */
export async function ackCommand(options: AckCommandOptions, io: CliIo): Promise<ExitCode> {
  const target = path.resolve(io.cwd, options.file);
  const text = existsSync(target) ? readInputFile(target, DEFAULT_INPUT_LIMITS).toString('utf8') : undefined;
  const edit = editAckFile(options.file, text, {
    id: options.findingId,
    reason: options.reason,
    owner: options.owner,
    ...(options.expires !== undefined ? { expires: options.expires } : {}),
    ...(options.ticket !== undefined ? { ticket: options.ticket } : {}),
  });
  writeFileAtomic(target, edit.text, options.file);
  const until = options.expires !== undefined ? ` until ${options.expires}` : '';
  io.stdout.write(`${edit.action} the acknowledgement of ${visible(options.findingId)}${until} in ${visible(options.file)}:${edit.line}\n`);
  if (isExpired(options.expires, new Date().toISOString().slice(0, 10))) {
    io.stderr.write(`schema-audit: note: ${options.expires} is past: the acknowledgement does not hold (the finding still fails the audit)\n`);
  }
  return ExitCode.Clean;
}
