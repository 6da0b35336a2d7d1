import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { ROOT, cliEnv, driftFindings, runCliHere, type CliResult } from '../support/cli.js';

/**
 * The expected-model cache (src/expected/model-cache.ts) and `compile`, end
 * to end: an unchanged spec or .sql source is not loaded on a scratch server
 * again; a changed, corrupt or tampered entry is ignored and rewritten;
 * `--no-cache` neither reads nor writes; a compiled model audits as its source.
 */
let db: TestDatabase;
let dir: string;

// Drift against the sources below: an extra column, a missing index, and a
// check the server spells differently from how the .sql source's server
// prints it again (reconciled through the scratch server, then from the cache).
const LIVE_DDL = `
  create table clients (id integer primary key, name varchar(100) not null, note text);
  create table leads (
    id bigint primary key,
    client_id integer not null references clients (id),
    status varchar(20) not null default 'new' check (status in ('new', 'won')),
    score integer check (score >= 0)
  );
`;

const SPEC = `
version: 1
tables:
  clients:
    columns:
      id: { type: int, nullable: false }
      name: { type: varchar(100), nullable: false }
    primaryKey: [id]
  leads:
    columns:
      id: { type: bigint, nullable: false }
      client_id: { type: int, nullable: false, references: { table: clients } }
      status: { type: varchar(20), nullable: false, default: "'new'" }
      score: { type: int, check: score >= 0 }
    primaryKey: [id]
    indexes:
      leads_client_idx: { columns: [client_id] }
`;

const SQL = `
  CREATE TABLE clients (id int PRIMARY KEY, name varchar(100) NOT NULL);
  CREATE TABLE leads (
    id int8 PRIMARY KEY,
    client_id int NOT NULL REFERENCES clients (id),
    status varchar(20) NOT NULL DEFAULT 'new',
    score int CHECK (score >= 0),
    CONSTRAINT leads_status_check CHECK (((status)::text = ANY ((ARRAY['new'::character varying, 'won'::character varying])::text[])))
  );
  CREATE INDEX leads_client_idx ON leads (client_id);
`;

beforeAll(async () => {
  db = await createTestDatabase('cli_cache');
  await db.exec(LIVE_DDL);
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-cache-'));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** An entry's text, the scratch database's random role names (owners of what it loaded) made one. */
function entryText(file: string): string {
  return readFileSync(file, 'utf8').replace(/sa_(loader|creator)_[0-9a-f]{10}/g, 'sa_$1_x');
}

function entries(cacheDir: string): string[] {
  return existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith('.json')).sort() : [];
}

async function audit(expected: string, ...flags: string[]): Promise<CliResult & { report: { expected: Record<string, unknown> }; drift: unknown[] }> {
  const r = await runCliHere(['audit', '--db', db.url, '--expected', expected, '--format', 'json', '--no-advice', '--now', '2026-01-01T00:00:00Z', '--verbose', ...flags]);
  expect(r.stderr).not.toMatch(/unexpected error/);
  return { ...r, report: JSON.parse(r.stdout), drift: driftFindings(r.stdout) };
}

/** The built CLI's run, with a scratch server that refuses every connection: any use of it fails the run. */
async function auditWithoutScratchServer(expected: string, cacheDir: string): Promise<CliResult> {
  const { run } = (await import(pathToFileURL(path.join(ROOT, 'dist', 'cli', 'run.js')).href)) as {
    run: (argv: readonly string[], io: object) => Promise<number>;
  };
  const out = { stdout: '', stderr: '' };
  const code = await run(['audit', '--db', db.url, '--expected', expected, '--format', 'json', '--no-advice', '--verbose', '--cache-dir', cacheDir], {
    stdout: { write: (chunk: string) => (out.stdout += chunk) },
    stderr: { write: (chunk: string) => (out.stderr += chunk) },
    env: cliEnv(),
    cwd: ROOT,
    onInterrupt: () => () => undefined,
    scratchServerUrl: 'postgres://nobody:x@127.0.0.1:1/none',
  });
  return { code, signal: null, ...out };
}

const EXPECTED_DRIFT = ['missing_index:public.leads.leads_client_idx', 'unexpected_column:public.clients.note'];

test('spec: the second audit of an unchanged spec takes the model from the cache, without a scratch server', async () => {
  const cacheDir = path.join(dir, 'cache-spec');
  const spec = write('spec/schema.yaml', SPEC);
  const first = await audit(spec, '--cache-dir', cacheDir);
  expect(first.code).toBe(1);
  expect(first.report.expected.fromCache).toBe(false);
  expect(first.stderr).toMatch(/loading the spec .* into a scratch PostgreSQL/);
  expect(first.stderr).toContain('cache: wrote ');
  // The model (for this major) and the spec's summary (spec-cache.ts).
  expect(entries(cacheDir)).toHaveLength(2);
  expect((first.drift as { id: string }[]).map((f) => f.id).sort()).toEqual(expect.arrayContaining(EXPECTED_DRIFT));

  const second = await audit(spec, '--cache-dir', cacheDir);
  expect(second.report.expected.fromCache).toBe(true);
  expect(second.stderr).not.toMatch(/scratch PostgreSQL/);
  expect(second.stderr).toContain('cache: using the cached expected model');
  // Neither parsed nor checked: the files are only hashed.
  expect(second.stderr).not.toContain('checking it');
  expect(second.drift).toEqual(first.drift);
  expect(second.code).toBe(first.code);
  expect({ ...second.report, expected: { ...second.report.expected, fromCache: null } }).toEqual({ ...first.report, expected: { ...first.report.expected, fromCache: null } });

  // The text report says so too.
  const text = await runCliHere(['audit', '--db', db.url, '--expected', spec, '--format', 'text', '--no-advice', '--cache-dir', cacheDir]);
  expect(text.stdout).toMatch(/expected: .*\(spec, sha256 [0-9a-f]{12}, from the cache\)/);

  // No scratch server is reachable at all: a cache hit does not need one ...
  const unreachable = await auditWithoutScratchServer(spec, cacheDir);
  expect(unreachable.code).toBe(1);
  expect(JSON.parse(unreachable.stdout).expected.fromCache).toBe(true);
  // ... and a miss does (the proof that the run above would have used it).
  const missDir = path.join(dir, 'cache-empty');
  const miss = await auditWithoutScratchServer(spec, missDir);
  expect(miss.code).not.toBe(0);
  expect(miss.code).not.toBe(1);
});

test('spec: a changed spec is a cache miss, loaded again, with an entry of its own', async () => {
  const cacheDir = path.join(dir, 'cache-changed');
  const spec = write('changed/schema.yaml', SPEC);
  expect((await audit(spec, '--cache-dir', cacheDir)).report.expected.fromCache).toBe(false);
  writeFileSync(spec, SPEC.replace('      leads_client_idx: { columns: [client_id] }', '      leads_client_idx: { columns: [client_id] }\n      leads_score_idx: { columns: [score] }'));
  const changed = await audit(spec, '--cache-dir', cacheDir);
  expect(changed.report.expected.fromCache).toBe(false);
  expect(changed.stderr).toMatch(/loading the spec .* into a scratch PostgreSQL/);
  expect((changed.drift as { id: string }[]).map((f) => f.id)).toContain('missing_index:public.leads.leads_score_idx');
  // A model and a summary for each content.
  expect(entries(cacheDir)).toHaveLength(4);
  // Another schema scope is another model: another entry.
  expect((await audit(spec, '--cache-dir', cacheDir, '--schema', 'public')).report.expected.fromCache).toBe(false);
  expect(entries(cacheDir)).toHaveLength(5);
  expect((await audit(spec, '--cache-dir', cacheDir, '--schema', 'public')).report.expected.fromCache).toBe(true);
});

test('spec folder: a file added is a miss; a warm run places findings at their file and line (parsed only then)', async () => {
  const cacheDir = path.join(dir, 'cache-folder');
  const folder = path.join(dir, 'spec-folder');
  write('spec-folder/schema.yaml', SPEC);
  const sarif = async (): Promise<unknown> =>
    JSON.parse((await runCliHere(['audit', '--db', db.url, '--expected', folder, '--format', 'sarif', '--no-advice', '--now', '2026-01-01T00:00:00Z', '--cache-dir', cacheDir])).stdout);
  const cold = await sarif();
  const warm = await audit(folder, '--cache-dir', cacheDir);
  expect(warm.report.expected.fromCache).toBe(true);
  expect(warm.stderr).not.toContain('checking it');
  // Same locations (file:line of the spec) from the cache as from the scratch load.
  expect(await sarif()).toEqual(cold);
  expect(JSON.stringify(cold)).toMatch(/schema\.yaml/);
  write('spec-folder/more/notes.yaml', 'version: 1\ntables:\n  notes:\n    columns:\n      id: { type: int, nullable: false }\n');
  const added = await audit(folder, '--cache-dir', cacheDir);
  expect(added.report.expected.fromCache).toBe(false);
  expect(added.stderr).toContain('checking it');
  expect((added.drift as { id: string }[]).map((f) => f.id)).toContain('missing_table:public.notes');
  // An invalid file added: refused before connecting, although the cache knows the folder as it was.
  write('spec-folder/more/bad.yaml', 'version: 1\ntables:\n  bad:\n    columns:\n      id: { type: int, nullable: maybe }\n');
  const bad = await runCliHere(['audit', '--db', db.url, '--expected', folder, '--no-advice', '--cache-dir', cacheDir]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/bad\.yaml:5/);
});

test('migrations: a folder is cached as a whole; a new migration is a miss', async () => {
  const cacheDir = path.join(dir, 'cache-migrations');
  const folder = path.join(dir, 'migrations');
  write('migrations/001_init.sql', SQL);
  const first = await audit(folder, '--cache-dir', cacheDir);
  expect(first.report.expected).toMatchObject({ kind: 'migrations', fromCache: false });
  const second = await audit(folder, '--cache-dir', cacheDir);
  expect(second.report.expected).toMatchObject({ kind: 'migrations', fromCache: true });
  expect(second.stderr).not.toMatch(/scratch PostgreSQL/);
  expect(second.drift).toEqual(first.drift);
  write('migrations/002_note.sql', 'ALTER TABLE clients ADD COLUMN note text;');
  const third = await audit(folder, '--cache-dir', cacheDir);
  expect(third.report.expected).toMatchObject({ kind: 'migrations', fromCache: false });
  expect((third.drift as { id: string }[]).map((f) => f.id)).not.toContain('unexpected_column:public.clients.note');
});

test('a corrupt or tampered entry is ignored (said with --verbose) and rewritten, never an error', async () => {
  const cacheDir = path.join(dir, 'cache-corrupt');
  const file = write('corrupt/schema.sql', SQL);
  const first = await audit(file, '--cache-dir', cacheDir);
  expect(first.report.expected.fromCache).toBe(false);
  const [entry] = entries(cacheDir);
  const entryPath = path.join(cacheDir, entry!);
  const good = readFileSync(entryPath, 'utf8');
  const goodText = entryText(entryPath);

  // Half a file.
  writeFileSync(entryPath, good.slice(0, good.length / 2));
  const truncated = await audit(file, '--cache-dir', cacheDir);
  expect(truncated.report.expected.fromCache).toBe(false);
  expect(truncated.stderr).toContain(`cache: ignoring ${entryPath}`);
  expect(truncated.drift).toEqual(first.drift);
  expect(entryText(entryPath)).toBe(goodText);

  // Well-formed JSON, but a model whose SQL text is not the expression it stands for.
  const doc = JSON.parse(good);
  doc.snapshot.schema.tables[0].columns[0].default = "1); DROP TABLE clients; --";
  writeFileSync(entryPath, JSON.stringify(doc));
  const tampered = await audit(file, '--cache-dir', cacheDir);
  expect(tampered.report.expected.fromCache).toBe(false);
  expect(tampered.stderr).toMatch(/cache: ignoring .* not a valid schema-audit snapshot/);
  expect(entryText(entryPath)).toBe(goodText);

  // An entry for another major (or tool version) under this key.
  writeFileSync(entryPath, JSON.stringify({ ...JSON.parse(good), pgMajor: 9 }));
  const other = await audit(file, '--cache-dir', cacheDir);
  expect(other.report.expected.fromCache).toBe(false);
  expect(other.stderr).toContain('another PostgreSQL major');

  // Larger than the entries' limit, 16× the input limit (valid JSON, padded past 16 MiB): not read.
  writeFileSync(entryPath, good.replace('{', `{${' '.repeat(17 * 1024 * 1024)}`));
  const big = await audit(file, '--cache-dir', cacheDir, '--max-input-mib', '1');
  expect(big.report.expected.fromCache).toBe(false);
  expect(big.stderr).toContain(`cache: ignoring ${entryPath}`);
  expect(entryText(entryPath)).toBe(goodText);

  // A symbolic link in the entry's place: not followed, not replaced (said), never an error.
  const elsewhere = write('corrupt/elsewhere.json', good);
  rmSync(entryPath);
  symlinkSync(elsewhere, entryPath);
  const linked = await audit(file, '--cache-dir', cacheDir);
  expect(linked.code).toBe(first.code);
  expect(linked.report.expected.fromCache).toBe(false);
  expect(linked.stderr).toContain(`cache: ignoring ${entryPath}: not a regular file`);
  expect(linked.stderr).toContain(`cache: could not write ${entryPath}`);
  expect(lstatSync(entryPath).isSymbolicLink()).toBe(true);
  expect(readFileSync(elsewhere, 'utf8')).toBe(good);
  rmSync(entryPath);
  expect((await audit(file, '--cache-dir', cacheDir)).report.expected.fromCache).toBe(false);

  // And after all that, the rewritten entry serves again, reconciling the check from its verdicts.
  const hit = await audit(file, '--cache-dir', cacheDir);
  expect(hit.report.expected.fromCache).toBe(true);
  expect(hit.drift).toEqual(first.drift);
  expect((hit.drift as { id: string }[]).map((f) => f.id)).not.toContain('constraint_mismatch:public.leads.leads_status_check');
});

test('--no-cache neither reads nor writes the cache; without --cache-dir the report has no fromCache', async () => {
  const cacheDir = path.join(dir, 'cache-none');
  const file = write('nocache/schema.sql', SQL);
  const r = await audit(file, '--cache-dir', cacheDir, '--no-cache');
  expect(r.report.expected).not.toHaveProperty('fromCache');
  expect(existsSync(cacheDir)).toBe(false);
  expect(r.stderr).toMatch(/into a scratch PostgreSQL/);
  // A warm cache is not read either.
  expect((await audit(file, '--cache-dir', cacheDir)).report.expected.fromCache).toBe(false);
  const again = await audit(file, '--cache-dir', cacheDir, '--no-cache');
  expect(again.report.expected).not.toHaveProperty('fromCache');
  expect(again.stderr).toMatch(/into a scratch PostgreSQL/);
});

describe('compile', () => {
  const major = process.env.PG_MAJOR ?? '17';

  test.each([
    ['spec', 'compile-spec/schema.yaml', SPEC],
    ['sql', 'compile-sql/schema.sql', SQL],
  ])('%s: compile, then audit against the model, finds what the audit against the source finds', async (_kind, name, text) => {
    const source = write(name, text);
    const out = path.join(dir, `${name}.model.json`);
    const c = await runCliHere(['compile', source, '--out', out, '--pg-major', major, '--no-cache']);
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.formatVersion).toBe(1);
    // The same source compiles to the same bytes (the scratch database's random role names are not kept).
    const again = path.join(dir, `${name}.again.json`);
    expect((await runCliHere(['compile', source, '--out', again, '--pg-major', major, '--no-cache'])).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
    expect(doc.source.compiledFrom.kind).toBe(_kind);
    const fromSource = await audit(source, '--no-cache');
    const fromModel = await audit(out);
    expect(fromModel.report.expected.kind).toBe('snapshot');
    // Only the SQL source's status check is spelled otherwise by the live database: then (only) a scratch database tells.
    if (_kind === 'spec') expect(fromModel.stderr).not.toMatch(/scratch PostgreSQL/);
    else expect(fromModel.stderr).toMatch(/loading the compiled model .* to compare expressions the live database spells otherwise/);
    expect(fromModel.drift).toEqual(fromSource.drift);
    expect(fromModel.code).toBe(fromSource.code);
    // Governed roles: the scratch database's own privileges are not compared, as for the source.
    const roles = ['--role', 'postgres'];
    expect((await audit(out, ...roles)).drift).toEqual((await audit(source, '--no-cache', ...roles)).drift);
  });

  test('compile refuses a snapshot or a database', async () => {
    const out = path.join(dir, 'compile-snap.model.json');
    expect((await runCliHere(['compile', write('compile-sql2/schema.sql', SQL), '--out', out, '--pg-major', major, '--no-cache'])).code).toBe(0);
    const again = await runCliHere(['compile', out, '--pg-major', major, '--no-cache']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/compile takes a spec, a \.sql file or a folder of \.sql migrations/);
  });
});
