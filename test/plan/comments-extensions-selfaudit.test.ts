import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { driftFindings, runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { withTempDir } from '../support/temp-dir.js';

/**
 * snapshot → audit on the same database is clean with comments on every
 * kind and extensions outside public at a version that is not the default
 * (spec: the schema written, any version; SQL: both), and a spec that pins
 * another version reports it.
 */
const SCHEMA = `
CREATE SCHEMA ext;
CREATE EXTENSION pg_trgm WITH SCHEMA ext VERSION '1.3';
COMMENT ON EXTENSION pg_trgm IS 'trigrams, our words';
CREATE EXTENSION citext;
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the app';
CREATE TYPE app.mood AS ENUM ('ok', 'bad');
COMMENT ON TYPE app.mood IS E'two\\nlines';
CREATE DOMAIN app.year AS integer CHECK (VALUE > 0);
COMMENT ON DOMAIN app.year IS 'a year';
CREATE SEQUENCE app.counter;
COMMENT ON SEQUENCE app.counter IS 'counts';
CREATE TABLE app.t (id integer PRIMARY KEY, name citext, m app.mood, CONSTRAINT t_name_check CHECK (name <> ''));
COMMENT ON TABLE app.t IS 'a table';
COMMENT ON COLUMN app.t.name IS E'it''s \\\\ a name';
CREATE INDEX t_name_idx ON app.t USING gin ((name::text) ext.gin_trgm_ops);
COMMENT ON INDEX app.t_name_idx IS 'trigram search';
COMMENT ON CONSTRAINT t_name_check ON app.t IS 'not empty';
COMMENT ON CONSTRAINT t_pkey ON app.t IS 'the key';
`;

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('selfaudit_ext');
  await db.exec(SCHEMA);
}, 60_000);

afterAll(async () => {
  await db.drop();
});

async function audit(expected: string): Promise<string[]> {
  const r = await runCli(['audit', '--db', db.url, '--expected', expected, '--format', 'json', '--no-advice']);
  if (r.stdout === '') throw new Error(`audit exited ${r.code}: ${r.stderr}`);
  return driftFindings(r.stdout).map((f) => f.id);
}

test.each(['yaml', 'sql'])('snapshot --format %s → audit: no drift', async (format) => {
  await withTempDir('selfaudit', async (dir) => {
    const out = path.join(dir, `snapshot.${format}`);
    const s = await runCli(['snapshot', '--db', db.url, '--format', format, '--out', out]);
    expect(s.stderr).toBe('');
    expect(await audit(out)).toEqual([]);
  });
}, 180_000);

test('a spec that pins another version, or leaves a comment out: the version is drift, the comment is not governed', async () => {
  await withTempDir('selfaudit', async (dir) => {
    const out = path.join(dir, 'snapshot.yaml');
    await runCli(['snapshot', '--db', db.url, '--out', out]);
    const snapshot = readFileSync(out, 'utf8');
    const edited = snapshot
      .replace(/\{ ?name: pg_trgm, schema: ext ?\}/, '{ name: pg_trgm, schema: ext, version: "1.4" }')
      .replace(/description: a table/, 'description: another description')
      .replace(/, description: trigram search/, '');
    expect([snapshot.includes('trigram search'), edited.includes('trigram search'), edited.includes('version: "1.4"')]).toEqual([true, false, true]);
    const spec = path.join(dir, 'spec.yaml');
    writeFileSync(spec, edited);
    expect(await audit(spec)).toEqual(['comment_mismatch:table:app.t', 'extension_mismatch:ext.pg_trgm']);
  });
}, 180_000);
