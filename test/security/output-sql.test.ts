import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { modelToDdl, renderDdlScript } from '../../src/ddl/model-to-ddl.js';
import { hasUnsafe } from '../../src/safe-text.js';
import { migrationFiles } from '../../src/render/migration-files.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { HOSTILE, hostileModels, hostileNames, hostileReport, seeded } from './hostile-report.js';

/**
 * Generated SQL is applied with psql exactly as the README says
 * (`psql -v ON_ERROR_STOP=1 -f FILE`), with hostile text in every place a
 * name, path or message reaches it: table, column, index, constraint and enum
 * names and values, comments, the database name and location in the header,
 * the expected source's path, hazard and manual-step texts. Nothing but the
 * intended statements may run: the `guard.victim` table survives, and no
 * `\!` shell command leaves its marker file in psql's working directory.
 */
const SEEDS = Number(process.env.PROPERTY_SEEDS ?? 3);

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  dir = makeTempDir('output-sql');
});
afterAll(() => removeTempDir(dir));

function psql(url: string, file: string): Promise<{ code: number; stderr: string }> {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.PSQL ?? 'psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', u.toString(), '-f', file], {
      cwd: dir,
      env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10', PGOPTIONS: '-c client_min_messages=warning' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

async function victimExists(): Promise<boolean> {
  const rows = await db.query<{ ok: boolean }>("select to_regclass('guard.victim') is not null as ok");
  return rows[0]!.ok;
}

/** Every file psql's working directory holds but the SQL files themselves. */
function markers(): string[] {
  return readdirSync(dir).filter((f) => !f.endsWith('.sql'));
}

async function apply(name: string, text: string): Promise<void> {
  const file = path.join(dir, name);
  // No raw control, line-separator or bidi character anywhere: names are written as U&"…" / E'…' escapes.
  expect(hasUnsafe(text.replace(/\n/g, ''))).toBe(false);
  writeFileSync(file, text);
  const r = await psql(db.url, file);
  expect({ file: name, code: r.code, stderr: r.stderr }).toEqual({ file: name, code: 0, stderr: '' });
  expect(await victimExists()).toBe(true);
  expect(markers()).toEqual([]);
}

/** Lines outside statements (not inside a statement's text) must be `--` comments: checked by the lexer-free rule that a line starting with `\` never occurs. */
function expectNoMetaCommandLines(text: string): void {
  for (const line of text.split(/\r\n|\r|\n/)) expect(line.startsWith('\\')).toBe(false);
}

for (let seed = 1; seed <= SEEDS; seed++) {
  test(`seed ${seed}: snapshot DDL, up.sql and down.sql with hostile names run only their own statements under psql`, async () => {
    db = await createTestDatabase(`out_sql_${seed}`);
    try {
      await db.exec('create schema guard; create table guard.victim (id int);');
      const random = seeded(seed);
      // Seed 1 uses every fixed hostile fragment as a name; later seeds random ones.
      const names = seed === 1 ? HOSTILE.map((h, i) => `n${i}${h}`) : hostileNames(random, 24);
      const payload = '\nDROP TABLE guard.victim;\n\\! touch pwned\r\\! touch pwned2\u2028DROP TABLE guard.victim;';
      const report = hostileReport(names, {
        database: `app${payload}`,
        location: `db.internal:5432/app${payload}`,
        source: `/tmp/expected${payload}.yaml`,
        host: `db.internal${payload}`,
        user: `audit${payload}`,
      });
      const { live, expected } = hostileModels(names);
      const snapshot = renderDdlScript(modelToDdl(live), { toolVersion: `0.1.0${payload}`, source: `db.internal:5432/app${payload}` });
      expectNoMetaCommandLines(snapshot);
      await apply('live.sql', snapshot);
      const files = migrationFiles(report);
      expect(report.remediation!.steps.length).toBeGreaterThan(3);
      expect(report.remediation!.manual.length).toBeGreaterThan(0);
      expectNoMetaCommandLines(files.up);
      expectNoMetaCommandLines(files.down);
      await apply('up.sql', files.up);
      await apply('up.sql', files.up); // idempotent, as the README promises
      // The escapes name the very objects: the missing table exists under its exact hostile name.
      expect(await db.query('select 1 from pg_class where relname = $1', [names[1]])).toHaveLength(1);
      await apply('down.sql', files.down);
      // The expected model's DDL too (the spec → DDL path), into a database of its own.
      const other = await createTestDatabase(`out_sql_e${seed}`);
      try {
        await other.exec('create schema guard; create table guard.victim (id int);');
        const file = path.join(dir, 'expected.sql');
        writeFileSync(file, renderDdlScript(modelToDdl(expected), { toolVersion: '0.1.0', source: `x${payload}` }));
        const r = await psql(other.url, file);
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
        expect((await other.query<{ ok: boolean }>("select to_regclass('guard.victim') is not null as ok"))[0]!.ok).toBe(true);
        expect(markers()).toEqual([]);
      } finally {
        await other.drop();
      }
    } finally {
      await db.drop();
    }
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
  });
}
