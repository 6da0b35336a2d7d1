import { ExitCode } from '../../errors.js';
import { buildSnapshot, serializeSnapshot } from '../../snapshot/snapshot.js';
import type { CliIo } from '../io.js';
import type { SnapshotOptions } from '../options.js';
import { emit, progress } from '../output.js';
import { readTarget } from './read-target.js';

export async function snapshotCommand(options: SnapshotOptions, io: CliIo): Promise<ExitCode> {
  const result = await readTarget(options.db, options.schemas, options.statementTimeoutMs, progress(io, options.verbose));
  emit(io, serializeSnapshot(buildSnapshot(result.model, result.server, options.schemas)), options.out);
  return ExitCode.Clean;
}
