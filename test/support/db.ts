import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh database per test file (or per test, when a test wants a clean
 * slate), on the run's server. Drop it in afterAll.
 */
export interface TestDatabase {
  /** Superuser URL of the new database. */
  readonly url: string;
  readonly name: string;
  /** Run SQL (many statements allowed) in the new database. */
  exec(sqlText: string): Promise<void>;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sqlText: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export function adminUrl(): string {
  const url = process.env.SCHEMA_AUDIT_TEST_ADMIN_URL;
  if (!url) throw new Error('SCHEMA_AUDIT_TEST_ADMIN_URL is not set: run the tests through jest (global setup)');
  return url;
}

export function urlFor(database: string, base = adminUrl()): string {
  const u = new URL(base);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Same server and database as `base`, other credentials. */
export function urlAs(base: string, user: string, password: string): string {
  const u = new URL(base);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Run `sqlText` as the suite's superuser, on its maintenance database (roles, cluster-wide settings). */
export async function execAsAdmin(sqlText: string): Promise<void> {
  await withAdmin((c) => c.query(sqlText));
}

export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const name = `sa_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`));
  const url = urlFor(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on('error', () => undefined);
  return {
    url,
    name,
    async exec(sqlText) {
      await client.query(sqlText);
    },
    async query(sqlText, params) {
      return (await client.query(sqlText, params)).rows;
    },
    async drop() {
      await client.end().catch(() => undefined);
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
