import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseMajor } from '../../src/server/binaries.js';
import pg from 'pg';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded.js';
import { urlAs, urlFor } from '../support/db.js';
import { finished, runCli, startCli } from '../support/cli.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

/**
 * `--scratch-url` loads an expected source on a server the user names, as a
 * managed service's role would (CREATEROLE + CREATEDB, never superuser), and
 * `demo --db` does the same: the role grants itself what CREATE DATABASE …
 * OWNER needs, roles the source names that it may not grant are kept out of
 * the load, and everything it made is gone afterwards. A role without those
 * privileges, or a server of another major, is one line and exit 2; its
 * password never shows. On a server of its own: on the suite's, other files'
 * loads would keep the roles a load made (they are dropped only when no other
 * load runs on the server).
 */
const major = parseMajor(process.env.PG_MAJOR ?? '17');
const suffix = randomBytes(4).toString('hex');
const manager = `sa_mgr_${suffix}`;
const plain = `sa_plain_${suffix}`;
const preexisting = `sa_pre_${suffix}`;
const fresh = `sa_fresh_${suffix}`;
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;
let server: EmbeddedServer;
let dbUrl: string;
let dir: string;
let sqlFile: string;

async function asAdmin<R extends pg.QueryResultRow>(sqlText: string, url = server.url, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(sqlText, params)).rows;
  } finally {
    await c.end();
  }
}
const adminUrl = (): string => server.url;

beforeAll(async () => {
  server = await startEmbeddedServer({ major });
  await asAdmin(`
    CREATE ROLE ${manager} LOGIN CREATEDB CREATEROLE PASSWORD '${PASSWORD}';
    CREATE ROLE ${plain} LOGIN PASSWORD '${PASSWORD}';
    CREATE ROLE ${preexisting} NOLOGIN;
  `);
  await asAdmin('CREATE DATABASE audited');
  dbUrl = urlFor('audited', server.url);
  const ddl = `CREATE TABLE t (id int PRIMARY KEY, v text DEFAULT 'x');\nALTER TABLE t OWNER TO ${preexisting};\nGRANT SELECT ON t TO ${preexisting};\n`;
  await asAdmin(ddl, dbUrl);
  dir = makeTempDir('scratch-url');
  sqlFile = path.join(dir, 'schema.sql');
  // The source also grants to a role that exists nowhere yet: made for the load, dropped after.
  writeFileSync(sqlFile, `${ddl}GRANT SELECT ON t TO ${fresh};\n`);
});
afterAll(async () => {
  if (dir) removeTempDir(dir);
  await server?.stop();
});

/** Whatever the manager made is gone: no role it created or granted itself remains (a database would keep its loader role). */
async function expectNothingLeft(): Promise<void> {
  const left = await asAdmin<{ n: string }>(
    `SELECT count(*)::text AS n FROM pg_auth_members WHERE member = (SELECT oid FROM pg_roles WHERE rolname = $1)
     UNION ALL SELECT count(*)::text FROM pg_roles WHERE rolname = $2
     UNION ALL SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database`,
    server.url,
    [manager, fresh],
  );
  expect(left.map((r) => r.n)).toEqual(['0', '0', 'audited,postgres,template0,template1']);
}

function expectNoPassword(r: { stdout: string; stderr: string }): void {
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
}

test('audit --scratch-url as a CREATEROLE + CREATEDB role loads the source and drops all it made', async () => {
  const r = await runCli(
    ['audit', '--db', dbUrl, '--expected', sqlFile, '--no-cache', '--scratch-url', urlAs(adminUrl(), manager, PASSWORD), '--role', preexisting, '--role', fresh, '--format', 'json'],
  );
  expectNoPassword(r);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout) as { findings: { kind: string; message: string }[] };
  // The only drift: the grant to the role the audited database lacks.
  expect(report.findings.map((f) => f.message)).toEqual([`table public.t lacks SELECT to ${fresh}`]);
  expect(r.code).toBe(1);
  await expectNothingLeft();
});

test('SCHEMA_AUDIT_SCRATCH_URL in libpq key=value form, password from PGPASSWORD, for compile', async () => {
  const u = new URL(adminUrl());
  const r = await runCli(['compile', sqlFile, '--no-cache', '--pg-major', String(major)], {
    env: { SCHEMA_AUDIT_SCRATCH_URL: `host=${u.hostname} port=${u.port} dbname=postgres user=${manager}`, PGPASSWORD: PASSWORD },
  });
  expectNoPassword(r);
  expect([r.code, r.stderr]).toEqual([0, '']);
  expect(r.stdout).toContain('"formatVersion"');
  await expectNothingLeft();
});

test('demo --db as a CREATEROLE + CREATEDB role', async () => {
  const r = await runCli(['demo', '--db', urlAs(adminUrl(), manager, PASSWORD), '--format', 'json']);
  expectNoPassword(r);
  expect(r.code).toBe(1);
  const findings = (JSON.parse(r.stdout) as { findings: { category: string }[] }).findings;
  expect(findings.filter((f) => f.category === 'drift').length).toBe(17);
  await expectNothingLeft();
});

test('a role without CREATEROLE and CREATEDB, or a server of another major: one line, exit 2', async () => {
  const r = await runCli(['audit', '--db', dbUrl, '--expected', sqlFile, '--no-cache', '--scratch-url', urlAs(adminUrl(), plain, PASSWORD)]);
  expectNoPassword(r);
  expect([r.code, r.stdout, r.stderr]).toEqual([
    2,
    '',
    `schema-audit: the scratch server's role ${plain} lacks CREATEDB and CREATEROLE: it needs CREATEDB and CREATEROLE (or superuser) to make the scratch database, its loader role and the roles the source names\n`,
  ]);
  const other = major === 17 ? 16 : 17;
  const m = await runCli(['compile', sqlFile, '--no-cache', '--pg-major', String(other), '--scratch-url', urlAs(adminUrl(), manager, PASSWORD)]);
  expectNoPassword(m);
  expect([m.code, m.stderr]).toEqual([
    2,
    `schema-audit: cannot load ${sqlFile}: the scratch server runs PostgreSQL ${major}, the audited server ${other}; give --scratch-url a server of the same major (or --pg-major to compile)\n`,
  ]);
  await expectNothingLeft();
});

test('Ctrl-C during the load drops everything made so far', async () => {
  const slow = path.join(dir, 'slow.sql');
  writeFileSync(slow, `GRANT SELECT ON t TO ${fresh};\nDO $$ BEGIN PERFORM pg_sleep(30); END $$;\n`.replace(/^/, `CREATE TABLE t (id int);\n`));
  const child = startCli(['audit', '--db', dbUrl, '--expected', slow, '--no-cache', '--scratch-url', urlAs(adminUrl(), manager, PASSWORD)]);
  // The source's role exists once the database and roles are made and the load begins.
  const deadline = Date.now() + 60_000;
  let seen = false;
  while (!seen && child.exitCode === null && Date.now() < deadline) {
    const [row] = await asAdmin<{ n: number }>(`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1`, server.url, [fresh]);
    seen = row!.n > 0;
    if (!seen) await new Promise((r) => setTimeout(r, 20));
  }
  expect(seen).toBe(true);
  child.kill('SIGINT');
  const r = await finished(child);
  expectNoPassword(r);
  expect(r.code).toBe(130);
  await expectNothingLeft();
});

test('a role made for the load stays while another load runs on the server (it may be handing objects to it)', async () => {
  const other = new pg.Client({ connectionString: server.url });
  await other.connect();
  try {
    // What every load holds while it runs (src/expected/scratch.ts ROLES_LOCK).
    await other.query('SELECT pg_advisory_lock_shared(1935762787, 1)');
    const r = await runCli(['audit', '--db', dbUrl, '--expected', sqlFile, '--no-cache', '--scratch-url', urlAs(adminUrl(), manager, PASSWORD)]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const [row] = await asAdmin<{ n: number }>(`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1`, server.url, [fresh]);
    expect(row!.n).toBe(1);
  } finally {
    await other.end();
    await asAdmin(`DROP ROLE IF EXISTS ${fresh}`);
  }
  await expectNothingLeft();
});
