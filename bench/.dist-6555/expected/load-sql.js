import { readdirSync, statSync } from 'node:fs';
import { DEFAULT_INPUT_LIMITS, readInputFile } from '../spec-file/input-limits.js';
import path from 'node:path';
import pg from 'pg';
import { UsageError } from '../errors.js';
import { readLiveSchema } from '../introspect/read-live-schema.js';
import { reconcileExpressions } from './reconcile.js';
import { withScratchDatabase } from './scratch.js';
export function sqlSourceFiles(source) {
    let stat;
    try {
        stat = statSync(source);
    }
    catch {
        throw new UsageError(`expected source not found: ${source}`);
    }
    if (stat.isDirectory()) {
        const files = readdirSync(source)
            .filter((f) => f.endsWith('.sql'))
            .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
            .map((f) => path.join(source, f));
        if (files.length === 0)
            throw new UsageError(`no .sql files in ${source}`);
        return { files };
    }
    return { files: [source] };
}
/**
 * Make a DDL script loadable as one simple-protocol query into the empty
 * scratch database: drop psql meta-commands (`\restrict`, `\connect`, ...),
 * which are not SQL, and CONCURRENTLY, which cannot run inside the implicit
 * transaction of a multi-statement query and buys nothing on an empty
 * database. Line numbers are kept, so errors still point into the file.
 */
export function prepareForScratch(sqlText) {
    return sqlText
        .replace(/^\\.*$/gm, '')
        .replace(/\b((?:CREATE\s+(?:UNIQUE\s+)?|DROP\s+|RE)INDEX)\s+CONCURRENTLY\b/gi, '$1');
}
const ROLE_PATTERNS = [
    /\bOWNER\s+TO\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi,
    /\bAUTHORIZATION\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi,
    /\bGRANT\s+[\s\S]*?\bTO\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi,
];
const BUILTIN_ROLES = new Set(['public', 'current_user', 'session_user', 'current_role']);
function roleName(raw) {
    return raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toLowerCase();
}
/** Roles the DDL names (owners, grantees), so the scratch server can create them. */
export function rolesNamed(sqlText) {
    const roles = new Set();
    for (const re of ROLE_PATTERNS) {
        for (const m of sqlText.matchAll(re)) {
            const name = roleName(m[1]);
            if (!BUILTIN_ROLES.has(name.toLowerCase()) && !name.startsWith('pg_'))
                roles.add(name);
        }
    }
    return [...roles].sort();
}
const OWNER_CLAUSES = /\b(OWNER\s+TO|AUTHORIZATION|FOR\s+(?:ROLE|USER))(\s+)("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi;
/**
 * Ownership given to a role the scratch loader may not become (a superuser
 * such as `postgres` in a pg_dump script) stays with the loader: owners are
 * not part of the model, and the loader never acts as a privileged role.
 */
export function keepOwnership(sqlText, unusable) {
    if (unusable.size === 0)
        return sqlText;
    return sqlText.replace(OWNER_CLAUSES, (whole, clause, space, raw) => unusable.has(roleName(raw)) ? `${clause}${space}CURRENT_USER` : whole);
}
/** Extensions the DDL creates. */
export function extensionsNamed(sqlText) {
    const out = new Set();
    for (const m of sqlText.matchAll(/\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][\w$-]*)/gi)) {
        const raw = m[1];
        out.add(raw.startsWith('"') ? raw.slice(1, -1) : raw.toLowerCase());
    }
    return [...out].sort();
}
function lineOf(text, position) {
    return text.slice(0, Math.max(0, position - 1)).split('\n').length;
}
export async function loadSqlSource(source, options) {
    const { files } = sqlSourceFiles(source);
    let used = 0;
    const texts = files.map((f) => {
        const bytes = readInputFile(f, options.limits ?? DEFAULT_INPUT_LIMITS, used);
        used += bytes.length;
        return { file: f, text: prepareForScratch(bytes.toString('utf8')) };
    });
    const all = texts.map((t) => t.text).join('\n');
    options.onProgress?.(`loading ${files.length === 1 ? files[0] : `${files.length} migrations from ${source}`} into a scratch PostgreSQL ${options.major}`);
    const scratch = {
        major: options.major,
        ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
        roles: rolesNamed(all),
        extensions: extensionsNamed(all),
        what: source,
    };
    // Runs as the scratch database's unprivileged owner (see scratch.ts): a
    // script is arbitrary SQL, so the role is what confines it.
    return withScratchDatabase(scratch, async (url, { unusableRoles }) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
            for (const { file, text } of texts) {
                const loaded = keepOwnership(text, unusableRoles);
                try {
                    await client.query(loaded);
                }
                catch (err) {
                    const e = err;
                    const where = e.position ? `${file}:${lineOf(loaded, Number(e.position))}` : file;
                    throw new UsageError(`cannot load ${where}: ${e.message ?? String(err)}`, { cause: err });
                }
            }
        }
        finally {
            await client.end();
        }
        const result = await readLiveSchema(url, options.schemas?.length ? { schemas: options.schemas } : {});
        if (!options.reconcile)
            return result;
        return { ...result, reconciledLive: await reconcileExpressions(result.model, options.reconcile, url) };
    });
}
//# sourceMappingURL=load-sql.js.map