import { describeTarget, validateUrl } from '../../db/connect.js';
import { ExitCode, UsageError } from '../../errors.js';
import { resolveExpected } from '../../expected/resolve-expected.js';
import { readLiveSchema } from '../../introspect/read-live-schema.js';
import type { CliIo } from '../io.js';
import type { AuditOptions } from '../options.js';
import { progress } from '../output.js';
import { reportAudit } from './report.js';

export async function auditCommand(options: AuditOptions, io: CliIo): Promise<ExitCode> {
  try {
    validateUrl(options.db);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const say = progress(io, options.verbose);
  say(`reading ${describeTarget(options.db)}`);
  const schemas = options.schemas.length ? options.schemas : undefined;
  const live = await readLiveSchema(options.db, { ...(schemas ? { schemas } : {}), statementTimeoutMs: options.statementTimeoutMs });
  if (live.missingSchemas.length > 0) {
    throw new UsageError(`schema not found in ${describeTarget(options.db)}: ${live.missingSchemas.join(', ')}`);
  }
  say(`read ${live.model.tables.length} tables from PostgreSQL ${live.server.version}; reading the expected schema`);
  const expected = await resolveExpected(options.expected, {
    major: live.server.major,
    ...(schemas ? { schemas } : {}),
    statementTimeoutMs: options.statementTimeoutMs,
    onProgress: say,
  });
  return reportAudit(
    {
      live: { model: live.model, server: live.server, target: describeTarget(options.db) },
      expected,
      ...(schemas ? { diff: { schemas } } : {}),
    },
    options,
    io,
  );
}
