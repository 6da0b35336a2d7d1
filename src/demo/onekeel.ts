import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
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

function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export async function createOnekeelDatabase(serverUrl: string, files: readonly string[] = ['current.sql', 'data.sql']): Promise<DemoDatabase> {
  const name = `onekeel_swarm_demo_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const drop = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    for (const file of files) {
      // Plain DDL and INSERTs only, so one simple-protocol query per file.
      await client.query(readFileSync(path.join(ONEKEEL_FIXTURE_DIR, file), 'utf8'));
    }
    await client.query('ANALYZE');
  } catch (err) {
    await client.end().catch(() => undefined);
    await drop().catch(() => undefined);
    throw err;
  }
  await client.end();
  return { url, name, drop };
}
