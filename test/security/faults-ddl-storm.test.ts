/**
 * Concurrent DDL: while another session creates, renames (table, index,
 * column) and drops tables in a tight loop, every snapshot and audit must
 * succeed, and each model must be one consistent snapshot: never a table
 * under both its old and its new name, never an index or constraint whose
 * server-printed definition names another table or index than the model
 * says, never an index key on a column its table lacks. On a primary (the
 * run's server) and on a hot standby streaming from a separate primary
 * (built without pg_basebackup: a cold copy of the stopped primary's data
 * directory plus standby.signal and primary_conninfo).
 *
 * Every loop is bounded in count and time; servers and directories made
 * here are removed here.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import { binariesFor } from '../../src/server/binaries.js';
import { freePort, startEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase, urlFor, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

const RUNS = 20;

let dir: string;
beforeAll(() => {
  dir = makeTempDir('faults-storm');
});
afterAll(() => removeTempDir(dir));

/**
 * The storm: one session, a tight loop of DDL, each statement its own
 * transaction; at most `maxRounds` rounds and `maxMs`. Errors of its own
 * (a lock wait cancelled on a standby's primary, say) are counted, not
 * thrown: the storm is the weather, not the test.
 */
function startStorm(url: string, maxRounds = 3000, maxMs = 110_000): { stop: () => Promise<number> } {
  let stopped = false;
  let rounds = 0;
  const done = (async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => undefined);
    await c.connect();
    const deadline = Date.now() + maxMs;
    try {
      while (!stopped && rounds < maxRounds && Date.now() < deadline) {
        rounds++;
        for (const statement of [
          `create table storm_a (id int primary key, v text default 'x' check (v <> ''), customer int references steady(id));
           create index storm_a_v on storm_a (v)`,
          'alter table storm_a rename to storm_b',
          'alter index storm_a_v rename to storm_b_v',
          'alter table storm_b rename column v to w',
          'create index storm_b_extra on storm_b (customer, w)',
          'drop table storm_b',
          // A table that always exists, under one name or the other.
          rounds % 2 === 1 ? 'alter table flip_a rename to flip_b' : 'alter table flip_b rename to flip_a',
          rounds % 2 === 1 ? 'alter index flip_a_v rename to flip_b_v' : 'alter index flip_b_v rename to flip_a_v',
        ]) {
          await c.query(statement).catch(() => undefined);
        }
      }
    } finally {
      await c.query('drop table if exists storm_a, storm_b').catch(() => undefined);
      await c.query('alter table if exists flip_b rename to flip_a').catch(() => undefined);
      await c.end().catch(() => undefined);
    }
    return rounds;
  })();
  return {
    stop: async () => {
      stopped = true;
      return done;
    },
  };
}

interface ModelTable {
  schema: string;
  name: string;
  columns: { name: string; default: string | null }[];
  indexes: { name: string; definition: string; keys: { column: string | null }[] }[];
  constraints: { name: string; kind: string; definition: string; columns?: string[] }[];
}

/** What makes a model one snapshot's (see the module comment); returns the problems found. */
function inconsistencies(tables: readonly ModelTable[]): string[] {
  const problems: string[] = [];
  const names = new Set(tables.map((t) => t.name));
  if (names.has('storm_a') && names.has('storm_b')) problems.push('storm_a and storm_b both present (a rename seen twice)');
  if (!names.has('steady')) problems.push('steady missing');
  if (Number(names.has('flip_a')) + Number(names.has('flip_b')) !== 1) problems.push('not exactly one of flip_a and flip_b');
  for (const t of tables) {
    const columns = new Set(t.columns.map((c) => c.name));
    for (const i of t.indexes) {
      const m = /^CREATE (?:UNIQUE )?INDEX (\S+) ON (?:ONLY )?(\S+) USING /.exec(i.definition);
      if (!m) problems.push(`${t.name}.${i.name}: definition ${i.definition}`);
      else if (m[1] !== i.name || m[2] !== `${t.schema}.${t.name}`) problems.push(`${t.name}.${i.name}: definition names ${m[1]} on ${m[2]}`);
      for (const k of i.keys) if (k.column !== null && !columns.has(k.column)) problems.push(`${t.name}.${i.name}: key column ${k.column} not in the table`);
    }
    for (const k of t.constraints) {
      for (const c of k.columns ?? []) if (!columns.has(c)) problems.push(`${t.name}.${k.name}: column ${c} not in the table`);
      if (k.kind === 'check' && t.name.startsWith('storm_') && !/\((v|w) <> ''::text\)/.test(k.definition)) problems.push(`${t.name}.${k.name}: ${k.definition}`);
      if (k.kind === 'check') {
        const col = /\((\w+) <> /.exec(k.definition)?.[1];
        if (col && !columns.has(col)) problems.push(`${t.name}.${k.name}: check on ${col}, not a column of the table`);
      }
    }
    if (t.name === 'storm_a' && !columns.has('v')) problems.push('storm_a without v');
  }
  return problems;
}

/**
 * `RUNS` reads of `readUrl` while a storm blows on `writeUrl`, each checked:
 * in turn an in-process read (readLiveSchema, the library entry point), a
 * CLI snapshot (model format) and, every fourth, a CLI audit (checked
 * through its inventory). Returns the number of storm tables the reads saw
 * (the create-rename-drop tables come and go, so possibly none; flip_a /
 * flip_b is always there, under one name).
 */
async function runsDuringStorm(writeUrl: string, readUrl: string, expected: string): Promise<number> {
  const storm = startStorm(writeUrl);
  let seen = 0;
  const failures: string[] = [];
  const check = (what: string, tables: readonly ModelTable[]): void => {
    seen += tables.filter((t) => t.name.startsWith('storm_')).length;
    for (const p of inconsistencies(tables)) failures.push(`${what}: ${p}`);
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      if (i % 4 === 3) {
        const r = await runCli(['audit', '--db', readUrl, '--expected', expected, '--format', 'json', '--no-advice']);
        if (r.code !== 0 && r.code !== 1) {
          failures.push(`audit ${i}: exit ${r.code}: ${r.stderr.trim()}`);
          continue;
        }
        const report = JSON.parse(r.stdout) as { inventory: { tables: { name: string; indexes: { name: string; definition: string }[] }[] } };
        const names = new Set(report.inventory.tables.map((t) => t.name));
        if (names.has('storm_a') && names.has('storm_b')) failures.push(`audit ${i}: storm_a and storm_b both present`);
        if (names.has('flip_a') === names.has('flip_b')) failures.push(`audit ${i}: not exactly one of flip_a and flip_b`);
        for (const t of report.inventory.tables) {
          for (const x of t.indexes) if (!x.definition.includes(` ${x.name} ON public.${t.name} `)) failures.push(`audit ${i}: ${t.name}: ${x.definition}`);
        }
      } else if (i % 2 === 0) {
        try {
          check(`read ${i}`, (await readLiveSchema(readUrl)).model.tables as unknown as ModelTable[]);
        } catch (err) {
          failures.push(`read ${i}: ${(err as Error).message}`);
        }
      } else {
        const out = path.join(dir, `model-${i}.json`);
        const r = await runCli(['snapshot', '--db', readUrl, '--format', 'model', '--out', out]);
        if (r.code !== 0) failures.push(`snapshot ${i}: exit ${r.code}: ${r.stderr.trim()}`);
        else check(`snapshot ${i}`, (JSON.parse(readFileSync(out, 'utf8')) as { schema: { tables: ModelTable[] } }).schema.tables);
      }
    }
  } finally {
    const rounds = await storm.stop();
    // The storm blew during the reads: every round renames flip_a, creates, renames and drops storm_a.
    expect(rounds).toBeGreaterThan(RUNS);
  }
  expect(failures).toEqual([]);
  return seen;
}

describe('concurrent DDL on the primary', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('faults_storm');
    await db.exec('create table steady (id int primary key, name text default $$n$$); create index steady_name on steady (name); create table flip_a (id int primary key, v text default $$y$$); create index flip_a_v on flip_a (v);');
  });
  afterAll(async () => {
    await db.drop();
  });

  test(`${RUNS} snapshots and audits during a DDL storm: each succeeds, each model is one snapshot`, async () => {
    const expected = path.join(dir, 'expected-primary.json');
    expect((await runCli(['snapshot', '--db', db.url, '--format', 'model', '--out', expected])).code).toBe(0);
    await runsDuringStorm(db.url, db.url, expected);
  });
});

/** The OS user the server runs as (postgres, when we are root), as embedded.ts does. */
function serverUser(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A postmaster we started ourselves on `dataDir`. */
interface Postmaster {
  readonly child: ChildProcess;
  readonly port: number;
  /** The end of its log, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

function startPostmaster(postgresBin: string, dataDir: string, socketDir: string, port: number): Postmaster {
  const as = serverUser();
  const child = spawn(
    postgresBin,
    ['-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200', '-c', 'max_locks_per_transaction=1024'],
    { ...as, env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const onExit = (): void => void child.kill('SIGQUIT');
  process.on('exit', onExit);
  return {
    child,
    port,
    log: () => log,
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

async function waitForServer(url: string, check: string, server: Postmaster, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      const { rows } = await c.query<{ ok: boolean }>(`select (${check}) as ok`);
      if (rows[0]?.ok) return;
    } catch {
      /* not yet */
    } finally {
      await c.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error(`server at ${new URL(url).port} not ready: ${check}; its log: ${server.log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('concurrent DDL on the primary, read on a hot standby', () => {
  let embedded: EmbeddedServer | undefined;
  let primary: Postmaster | undefined;
  let standby: Postmaster | undefined;
  let standbyBase: string | undefined;

  afterAll(async () => {
    await standby?.stop();
    await primary?.stop();
    if (standbyBase) rmSync(standbyBase, { recursive: true, force: true });
    await embedded?.stop();
  });

  test(`${RUNS} snapshots and audits of the standby during a DDL storm on the primary`, async () => {
    embedded = await startEmbeddedServer({ major: 17 });
    const admin = new pg.Client({ connectionString: embedded.url });
    await admin.connect();
    await admin.query('create database storm');
    await admin.end();
    const primaryUrl = urlFor('storm', embedded.url);
    const setup = new pg.Client({ connectionString: primaryUrl });
    await setup.connect();
    await setup.query('create table steady (id int primary key, name text default $$n$$); create index steady_name on steady (name); create table flip_a (id int primary key, v text default $$y$$); create index flip_a_v on flip_a (v);');
    await setup.end();

    // Cold copy: stop the primary, copy its data directory, make the copy a standby.
    process.kill(embedded.pid, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while (existsSync(path.join(embedded.baseDir, 'data', 'postmaster.pid')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(path.join(embedded.baseDir, 'data', 'postmaster.pid'))).toBe(false);
    standbyBase = mkdtempSync(path.join(os.tmpdir(), 'sa-standby-'));
    const standbyData = path.join(standbyBase, 'data');
    execFileSync('cp', ['-a', path.join(embedded.baseDir, 'data'), standbyData]);
    const password = decodeURIComponent(new URL(embedded.url).password);
    writeFileSync(path.join(standbyData, 'standby.signal'), '');
    appendFileSync(
      path.join(standbyData, 'postgresql.auto.conf'),
      `\nprimary_conninfo = 'host=127.0.0.1 port=${embedded.port} user=postgres password=${password}'\nhot_standby = on\n`,
    );
    const as = serverUser();
    if (as.uid !== undefined) {
      for (const p of [standbyBase, path.join(standbyData, 'standby.signal'), path.join(standbyData, 'postgresql.auto.conf')]) chownSync(p, as.uid, as.gid!);
    }
    // The binaries the embedded server ran (its own copy when the postgres user cannot reach the installed ones).
    const copied = path.join(embedded.baseDir, 'native', 'bin', 'postgres');
    const postgresBin = existsSync(copied) ? copied : binariesFor(17).postgres;

    primary = startPostmaster(postgresBin, path.join(embedded.baseDir, 'data'), embedded.baseDir, embedded.port);
    await waitForServer(primaryUrl, 'not pg_is_in_recovery()', primary);
    standby = startPostmaster(postgresBin, standbyData, standbyBase, await freePort());
    const standbyUrl = (() => {
      const u = new URL(primaryUrl);
      u.port = String(standby.port);
      return u.toString();
    })();
    await waitForServer(standbyUrl, 'pg_is_in_recovery()', standby);
    // Streaming works: a table made on the primary shows up on the standby.
    const marker = new pg.Client({ connectionString: primaryUrl });
    await marker.connect();
    await marker.query('create table replicated_marker (id int)');
    await marker.end();
    await waitForServer(standbyUrl, "to_regclass('public.replicated_marker') is not null", standby);

    const expected = path.join(dir, 'expected-standby.json');
    expect((await runCli(['snapshot', '--db', standbyUrl, '--format', 'model', '--out', expected])).code).toBe(0);
    await runsDuringStorm(primaryUrl, standbyUrl, expected);
  });
});
