import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { connectClient } from '../db/connect.js';
import { urlForDatabase } from '../db/conninfo.js';
import { ONEKEEL_FIXTURE_DIR } from '../paths.js';

/**
 * The OneKeel Swarm demo database: `fixtures/onekeel-swarm/current.sql` (the
 * production schema as the seed report found it) filled by `data.sql` (a
 * deterministic generator), in a fresh database on the given server.
 */
export interface DemoDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** How long a cleanup on a signal waits for the database to be dropped. */
export const DROP_TIMEOUT_MS = 10_000;

export interface CreateOptions {
  /**
   * Register the database's removal with the process's cleanup (signals,
   * unexpected errors); returns the function that unregisters it. Called
   * before `CREATE DATABASE` is sent, so no moment is left uncovered.
   */
  readonly register?: (cleanup: () => Promise<void>) => () => void;
}

export async function createOnekeelDatabase(
  serverUrl: string,
  files: readonly string[] = ['current.sql', 'data.sql'],
  options: CreateOptions = {},
): Promise<DemoDatabase> {
  const name = `onekeel_swarm_demo_${randomBytes(3).toString('hex')}`;
  const dropNow = async (): Promise<void> => {
    const c = await connectClient(serverUrl);
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  let creating: Promise<unknown> = Promise.resolve();
  // On a signal: let a CREATE DATABASE in flight finish, then drop, within the timeout.
  const unregister = options.register?.(() => withTimeout(creating.catch(() => undefined).then(dropNow), DROP_TIMEOUT_MS)) ?? (() => undefined);
  const drop = async (): Promise<void> => {
    try {
      await dropNow();
    } finally {
      unregister();
    }
  };
  let admin: pg.Client | undefined;
  try {
    admin = await connectClient(serverUrl);
    creating = admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    await creating;
  } catch (err) {
    unregister();
    throw err;
  } finally {
    await admin?.end().catch(() => undefined);
  }
  const url = urlForDatabase(serverUrl, name);
  let client: pg.Client | undefined;
  try {
    client = await connectClient(url);
    for (const file of files) {
      // Plain DDL and INSERTs only, so one simple-protocol query per file.
      await client.query(readFileSync(path.join(ONEKEEL_FIXTURE_DIR, file), 'utf8'));
    }
    await client.query('ANALYZE');
  } catch (err) {
    await client?.end().catch(() => undefined);
    await drop().catch(() => undefined);
    throw err;
  }
  await client.end();
  return { url, name, drop };
}

/** `work`, or give up waiting after `ms` (the work is abandoned, not cancelled). */
function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
