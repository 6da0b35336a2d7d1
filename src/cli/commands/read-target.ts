import { notVisibleKindText } from '../../audit-coverage.js';
import { describeTarget, validateUrl } from '../../db/connect.js';
import { UsageError } from '../../errors.js';
import type { IntrospectionResult, LockWait } from '../../introspect/introspector.js';
import { readLiveSchema } from '../../introspect/read-live-schema.js';
import type { CliIo } from '../io.js';

/**
 * Read the database a command targets (`snapshot`, `audit`): validate the
 * URL, introspect, and reject --schema names the database lacks (exit 2)
 * and schemas both read and left out (--schema and --exclude-schema).
 */
export async function readTarget(
  db: string,
  schemas: readonly string[],
  statementTimeoutMs: number,
  say: (message: string) => void,
  lockWait: LockWait = 'wait',
  warn: (message: string) => void = say,
  excludeSchemas: readonly string[] = [],
): Promise<IntrospectionResult> {
  const both = [...new Set(schemas.filter((s) => excludeSchemas.includes(s)))];
  if (both.length > 0) throw new UsageError(`--schema and --exclude-schema both name ${both.join(', ')}`);
  validateUrl(db);
  say(`reading ${describeTarget(db)}`);
  const result = await readLiveSchema(db, { ...(schemas.length ? { schemas } : {}), ...(excludeSchemas.length ? { excludeSchemas } : {}), statementTimeoutMs, lockWait });
  if (result.missingSchemas.length > 0) {
    const plural = result.missingSchemas.length > 1 ? 's' : '';
    throw new UsageError(`schema${plural} not found in ${describeTarget(db)}: ${result.missingSchemas.join(', ')}`);
  }
  say(`read ${result.model.tables.length} tables from PostgreSQL ${result.server.version}`);
  for (const t of result.notRead ?? []) warn(`not read: table ${t.schema}.${t.name} (${t.reason}); it is left out`);
  for (const k of result.notVisible?.kinds ?? []) {
    warn(`not visible to ${result.notVisible!.role}: ${notVisibleKindText(k.kind)} (lacks SELECT on ${k.lacks.join(', ')}); not read, not compared`);
  }
  return result;
}

/** A warning line on stderr, whatever --verbose says. */
export function warnTo(io: CliIo): (message: string) => void {
  return (message) => void io.stderr.write(`schema-audit: ${message}\n`);
}
