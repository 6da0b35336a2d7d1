import { describeTarget, validateUrl } from '../../db/connect.js';
import { UsageError, ExitCode } from '../../errors.js';
import { readLiveSchema } from '../../introspect/read-live-schema.js';
import { buildSnapshot, serializeSnapshot } from '../../snapshot/snapshot.js';
import type { CliIo } from '../io.js';
import type { SnapshotOptions } from '../options.js';
import { emit, progress } from '../output.js';

export async function snapshotCommand(options: SnapshotOptions, io: CliIo): Promise<ExitCode> {
  try {
    validateUrl(options.db);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const say = progress(io, options.verbose);
  say(`reading ${describeTarget(options.db)}`);
  const result = await readLiveSchema(options.db, {
    ...(options.schemas.length ? { schemas: options.schemas } : {}),
    statementTimeoutMs: options.statementTimeoutMs,
  });
  if (result.missingSchemas.length > 0) {
    throw new UsageError(
      `schema${result.missingSchemas.length > 1 ? 's' : ''} not found in ${describeTarget(options.db)}: ${result.missingSchemas.join(', ')}`,
    );
  }
  say(`read ${result.model.tables.length} tables from PostgreSQL ${result.server.version}`);
  emit(io, serializeSnapshot(buildSnapshot(result.model, result.server, options.schemas)), options.out);
  return ExitCode.Clean;
}
