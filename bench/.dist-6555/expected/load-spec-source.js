import pg from 'pg';
import { readLiveSchema } from '../introspect/read-live-schema.js';
import { loadSpecAsync } from '../spec-file/load-spec-async.js';
import { SpecError } from '../spec-file/spec-error.js';
import { specToDdl } from '../spec-file/spec-to-ddl.js';
import { specExtensionNames } from '../kinds/extension/spec.js';
import { reconcileExpressions } from './reconcile.js';
import { queryOne, withScratchDatabase } from './scratch.js';
export async function loadSpecSource(source, options) {
    const spec = await loadSpecAsync(source, options.limits);
    const statements = specToDdl(spec);
    options.onProgress?.(`loading the spec ${source} (${statements.length} statements) into a scratch PostgreSQL ${options.major}`);
    const scratch = {
        major: options.major,
        ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
        extensions: specExtensionNames(spec.extensions),
        what: source,
    };
    const live = await withScratchDatabase(scratch, async (url) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const problems = [];
        try {
            await client.query('BEGIN');
            // As up.sql and pg_dump: a function body may name a table created later.
            await client.query('SET LOCAL check_function_bodies = false');
            for (const statement of statements) {
                await client.query('SAVEPOINT stmt');
                try {
                    await queryOne(client, statement.sql);
                    await client.query('RELEASE SAVEPOINT stmt');
                }
                catch (err) {
                    await client.query('ROLLBACK TO SAVEPOINT stmt');
                    const where = spec.locate(statement.path) ?? { file: source, line: 1, path: statement.path.join('.') };
                    problems.push({ ...where, message: `PostgreSQL rejects it: ${err.message}` });
                }
            }
            await client.query(problems.length ? 'ROLLBACK' : 'COMMIT');
        }
        finally {
            await client.end();
        }
        if (problems.length)
            throw new SpecError(problems);
        const result = await readLiveSchema(url, options.schemas?.length ? { schemas: options.schemas } : {});
        return { result, reconciledLive: options.reconcile ? await reconcileExpressions(result.model, options.reconcile, url) : undefined };
    });
    return { spec, live: live.result, ...(live.reconciledLive ? { reconciledLive: live.reconciledLive } : {}) };
}
//# sourceMappingURL=load-spec-source.js.map