import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * Triggers and event triggers on a real server: fixtures/triggers/live.sql
 * audited against the schema of expected.sql (a reference database: the
 * scratch server that loads SQL files runs it as a role that may not create
 * event triggers), with --drop-unexpected. Row and statement triggers, WHEN,
 * UPDATE OF, a constraint trigger made deferrable, disabled / replica /
 * always states, a partitioned table's trigger, event triggers missing,
 * changed and unexpected; triggers on views (INSTEAD OF, statement) missing,
 * changed and unexpected, on a view created again and on a missing view. up.sql and down.sql are applied with psql, twice.
 * No --verify: its scratch copy is built from the model, which holds no
 * function bodies yet (the triggers' functions would be missing).
 */
const FIXTURE = path.join(ROOT, 'fixtures', 'triggers');
const dbs: TestDatabase[] = [];
let rt: RoundTrip;
let live: TestDatabase;

async function loaded(prefix: string, file: string): Promise<TestDatabase> {
  const db = await createTestDatabase(prefix);
  dbs.push(db);
  await db.exec(readFileSync(path.join(FIXTURE, file), 'utf8'));
  return db;
}

beforeAll(async () => {
  live = await loaded('trg_live', 'live.sql');
  const expected = await loaded('trg_exp', 'expected.sql');
  const original = await loaded('trg_orig', 'live.sql');
  rt = await roundTrip(live, original.url, expected.url, ['--drop-unexpected']);
}, 300_000);

afterAll(async () => {
  await Promise.all(dbs.map((db) => db.drop()));
});

test('the drift: each trigger and event trigger finding', () => {
  expect([...rt.before].sort()).toEqual([
    'comment_mismatch:trigger:app.item_prices.ip_stmt',
    'missing_trigger:app.item_names.vt_stmt',
    'missing_view:app.new_items',
    'trigger_mismatch:app.item_names.vt_changed',
    'unexpected_trigger:app.item_names.vt_extra',
    'view_definition_mismatch:app.item_prices',
    'event_trigger_mismatch:app.evt_changed',
    'missing_event_trigger:app.evt_missing',
    'missing_trigger:app.items.missing_always',
    'missing_trigger:app.items.missing_replica',
    'trigger_enabled_mismatch:app.items.state_off',
    'trigger_mismatch:app.items.changed',
    'trigger_mismatch:app.items.ctrig',
    'trigger_mismatch:app.parted.parted_touch',
    'unexpected_event_trigger:app.evt_extra',
    'unexpected_trigger:app.items.extra',
  ].sort());
  expect([...rt.plan.fixed].sort()).toEqual([...rt.before].sort());
  expect(rt.plan.manual).toEqual([]);
});

test('up.sql applies with psql, twice; the audit is then clean', () => {
  expect({ up: rt.up, sql: rt.up.some((u) => u.code !== 0) ? migrationText(rt) : '' }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
  expect(rt.afterUp).toEqual([]);
});

test('down.sql applies with psql, twice, and brings the original back', () => {
  expect({ down: rt.down, sql: rt.down.some((u) => u.code !== 0) ? migrationText(rt) : '' }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
  expect(rt.afterDown).toEqual([]);
});

test('the plan: CREATE OR REPLACE, a constraint trigger replaced in one DO block, states, drops in drop_triggers', () => {
  const sql = rt.files['up.sql'];
  expect(sql).toContain('CREATE OR REPLACE TRIGGER changed BEFORE UPDATE OF price ON app.items FOR EACH ROW WHEN ((old.price IS DISTINCT FROM new.price)) EXECUTE FUNCTION app.touch();');
  expect(sql).toContain('  DROP TRIGGER IF EXISTS ctrig ON app.items;\n  CREATE CONSTRAINT TRIGGER ctrig AFTER INSERT ON app.items DEFERRABLE INITIALLY DEFERRED');
  expect(sql).toContain('ALTER TABLE app.items ENABLE ALWAYS TRIGGER missing_always;');
  expect(sql).toContain('ALTER TABLE app.items ENABLE REPLICA TRIGGER missing_replica;');
  expect(sql).toContain('ALTER TABLE app.items DISABLE TRIGGER state_off;');
  expect(sql).toContain('ALTER EVENT TRIGGER evt_changed DISABLE;');
  expect(sql.indexOf('DROP TRIGGER IF EXISTS extra ON app.items;')).toBeLessThan(sql.indexOf('CREATE OR REPLACE TRIGGER changed'));
  expect(rt.files['down.sql']).toContain('ALTER TABLE app.items DISABLE TRIGGER extra;');
  expect(rt.files['down.sql']).toContain('ALTER EVENT TRIGGER evt_extra ENABLE ALWAYS;');
});

test("views' triggers: created with a missing view, created again with a view dropped and created, and restored by down.sql", () => {
  const up = rt.files['up.sql'];
  const down = rt.files['down.sql'];
  const recreate = up.indexOf('CREATE OR REPLACE VIEW app.item_prices');
  expect(recreate).toBeGreaterThan(up.indexOf('DROP VIEW app.item_prices'));
  expect(up.indexOf('CREATE OR REPLACE TRIGGER ip_insert INSTEAD OF INSERT ON app.item_prices FOR EACH ROW EXECUTE FUNCTION app.touch();', recreate)).toBeGreaterThan(recreate);
  expect(up.indexOf("COMMENT ON TRIGGER ip_stmt ON app.item_prices IS 'new words';", recreate)).toBeGreaterThan(recreate);
  expect(up).toContain('CREATE OR REPLACE TRIGGER ni_insert INSTEAD OF INSERT ON app.new_items FOR EACH ROW EXECUTE FUNCTION app.touch();');
  expect(up).toContain('CREATE OR REPLACE TRIGGER vt_changed INSTEAD OF DELETE OR UPDATE ON app.item_names FOR EACH ROW EXECUTE FUNCTION app.touch();');
  expect(up).toContain('DROP TRIGGER IF EXISTS vt_extra ON app.item_names;');
  expect(up).not.toMatch(/ALTER TABLE app\.(item_names|item_prices|new_items) /);
  // down.sql creates the original item_prices again, with its triggers and their comments.
  const restore = down.indexOf('CREATE OR REPLACE VIEW app.item_prices AS');
  expect(restore).toBeGreaterThan(-1);
  expect(down.indexOf("COMMENT ON TRIGGER ip_stmt ON app.item_prices IS 'old words';", restore)).toBeGreaterThan(restore);
});

test("snapshot writes a view's triggers; the audit against it is clean; a disabled view trigger in a spec is refused", async () => {
  const db = await createTestDatabase('trg_vsnap');
  dbs.push(db);
  await db.exec(`
    create table t (id int primary key, v text);
    create view tv as select id, v from t;
    create function tv_insert() returns trigger language plpgsql as $$ begin insert into t values (new.id, new.v); return new; end $$;
    create trigger tv_insert instead of insert on tv for each row execute function tv_insert();
    create trigger tv_stmt before update on tv for each statement execute function tv_insert();
    comment on trigger tv_stmt on tv is 'statement level';
  `);
  const dir = makeTempDir('trg-vsnap');
  try {
    const file = path.join(dir, 'schema.yaml');
    const snap = await runCli(['snapshot', '--db', db.url, '--out', file]);
    expect(snap.code).toBe(0);
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toMatch(/tv:\n\s+definition: .*\n(.*\n)*?\s+triggers:\n\s+tv_insert: CREATE TRIGGER tv_insert INSTEAD OF INSERT ON public\.tv FOR EACH ROW EXECUTE FUNCTION tv_insert\(\)\n\s+tv_stmt:\n\s+definition: CREATE TRIGGER tv_stmt BEFORE UPDATE ON public\.tv FOR EACH STATEMENT .*\n\s+description: statement level/);
    const audit = await runCli(['audit', '--db', db.url, '--expected', file, '--no-advice', '--format', 'json', '--fail-on', 'info']);
    expect({ code: audit.code, findings: (JSON.parse(audit.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id) }).toEqual({ code: 0, findings: [] });
    writeFileSync(file, yaml.replace(/(\s+)description: statement level/, '$1enabled: disabled$1description: statement level'));
    const refused = await runCli(['audit', '--db', db.url, '--expected', file, '--no-advice']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/schema\.yaml:\d+: views\.tv\.triggers\.tv_stmt\.enabled: a view's trigger is always enabled/);
  } finally {
    removeTempDir(dir);
  }
}, 120_000);

test('snapshot writes the triggers a spec can hold (built-in functions), states and comments included; the audit against it is clean for them', async () => {
  const db = await createTestDatabase('trg_snap');
  dbs.push(db);
  await db.exec(`
    create table t (id int primary key, v text);
    create table p (id int, at date) partition by range (at);
    create table p1 partition of p for values from ('2024-01-01') to ('2025-01-01');
    create trigger t_noop before update on t for each row execute function suppress_redundant_updates_trigger();
    create trigger t_off before update of v on t for each row when (old.v is distinct from new.v) execute function suppress_redundant_updates_trigger();
    alter table t disable trigger t_off;
    comment on trigger t_off on t is 'kept off';
    create trigger p_noop before update on p for each row execute function suppress_redundant_updates_trigger();
    alter table p enable replica trigger p_noop;
  `);
  const dir = makeTempDir('trg-snap');
  try {
    const file = path.join(dir, 'schema.yaml');
    const snap = await runCli(['snapshot', '--db', db.url, '--out', file]);
    expect(snap.code).toBe(0);
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toContain('t_noop: CREATE TRIGGER t_noop BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()');
    expect(yaml).toMatch(/t_off:\n\s+definition: CREATE TRIGGER t_off BEFORE UPDATE OF v ON public\.t .*\n\s+enabled: disabled\n\s+description: kept off/);
    expect(yaml).toMatch(/p_noop:\n\s+definition: .*\n\s+enabled: replica/);
    expect(yaml).not.toContain('p1:\n    partitionOf: { table: p, bound: FOR VALUES FROM (\'2024-01-01\') TO (\'2025-01-01\') }\n    triggers');
    const audit = await runCli(['audit', '--db', db.url, '--expected', file, '--no-advice', '--format', 'json', '--fail-on', 'info']);
    expect({ code: audit.code, findings: (JSON.parse(audit.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id) }).toEqual({ code: 0, findings: [] });
    // A spec trigger on another table is refused before any database, with file and line.
    writeFileSync(file, yaml.replace('t_noop: CREATE TRIGGER t_noop BEFORE UPDATE ON public.t', 't_noop: CREATE TRIGGER t_noop BEFORE UPDATE ON public.p'));
    const refused = await runCli(['audit', '--db', db.url, '--expected', file, '--no-advice']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/schema\.yaml:\d+: tables\.t\.triggers\.t_noop: the statement creates the trigger on public\.p, not on public\.t/);
  } finally {
    removeTempDir(dir);
  }
}, 120_000);
