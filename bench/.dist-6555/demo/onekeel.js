import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ONEKEEL_FIXTURE_DIR } from '../paths.js';
function withDatabase(serverUrl, database) {
    const u = new URL(serverUrl);
    u.pathname = `/${encodeURIComponent(database)}`;
    return u.toString();
}
/** How long a cleanup on a signal waits for the database to be dropped. */
export const DROP_TIMEOUT_MS = 10_000;
export async function createOnekeelDatabase(serverUrl, files = ['current.sql', 'data.sql'], options = {}) {
    const name = `onekeel_swarm_demo_${randomBytes(3).toString('hex')}`;
    const dropNow = async () => {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        }
        finally {
            await c.end();
        }
    };
    let creating = Promise.resolve();
    // On a signal: let a CREATE DATABASE in flight finish, then drop, within the timeout.
    const unregister = options.register?.(() => withTimeout(creating.catch(() => undefined).then(dropNow), DROP_TIMEOUT_MS)) ?? (() => undefined);
    const drop = async () => {
        try {
            await dropNow();
        }
        finally {
            unregister();
        }
    };
    const admin = new pg.Client({ connectionString: serverUrl });
    try {
        await admin.connect();
        creating = admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
        await creating;
    }
    catch (err) {
        unregister();
        throw err;
    }
    finally {
        await admin.end().catch(() => undefined);
    }
    const url = withDatabase(serverUrl, name);
    const client = new pg.Client({ connectionString: url });
    try {
        await client.connect();
        for (const file of files) {
            // Plain DDL and INSERTs only, so one simple-protocol query per file.
            await client.query(readFileSync(path.join(ONEKEEL_FIXTURE_DIR, file), 'utf8'));
        }
        await client.query('ANALYZE');
    }
    catch (err) {
        await client.end().catch(() => undefined);
        await drop().catch(() => undefined);
        throw err;
    }
    await client.end();
    return { url, name, drop };
}
/** `work`, or give up waiting after `ms` (the work is abandoned, not cancelled). */
function withTimeout(work, ms) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(resolve, ms);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
//# sourceMappingURL=onekeel.js.map