import { describeTarget, validateUrl } from '../../db/connect.js';
import { UsageError } from '../../errors.js';
import { readLiveSchema } from '../../introspect/read-live-schema.js';
/**
 * Read the database a command targets (`snapshot`, `audit`): validate the
 * URL, introspect, and reject --schema names the database lacks (exit 2).
 */
export async function readTarget(db, schemas, statementTimeoutMs, say, lockWait = 'wait', warn = say) {
    validateUrl(db);
    say(`reading ${describeTarget(db)}`);
    const result = await readLiveSchema(db, { ...(schemas.length ? { schemas } : {}), statementTimeoutMs, lockWait });
    if (result.missingSchemas.length > 0) {
        const plural = result.missingSchemas.length > 1 ? 's' : '';
        throw new UsageError(`schema${plural} not found in ${describeTarget(db)}: ${result.missingSchemas.join(', ')}`);
    }
    say(`read ${result.model.tables.length} tables from PostgreSQL ${result.server.version}`);
    for (const t of result.notRead ?? [])
        warn(`not read: table ${t.schema}.${t.name} (${t.reason}); it is left out`);
    return result;
}
/** A warning line on stderr, whatever --verbose says. */
export function warnTo(io) {
    return (message) => void io.stderr.write(`schema-audit: ${message}\n`);
}
//# sourceMappingURL=read-target.js.map