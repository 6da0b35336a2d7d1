import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import { catalogRelations } from '../../src/introspect/postgres/visibility.js';
import { createTestDatabase, execAsAdmin, urlAs, type TestDatabase } from '../support/db.js';
import { ROOT, runCliHere } from '../support/cli.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { randomRoleName } from './helpers.js';

/**
 * Seen versus missing (issue #12 part 3). A DBA may revoke SELECT on a
 * catalog from PUBLIC (here pg_proc, to hide function source, and
 * pg_policy). Today's CONNECT + USAGE audit role then cannot read the kinds
 * read from them: every report says they are not visible to the role, never
 * missing, and counts them as not compared. The README's least-privileged
 * role (its snippet, run as written) sees everything: the same findings as
 * a superuser.
 */

let db: TestDatabase;
let dir: string;
let expected: string;
const today = randomRoleName('vis');
const documented = randomRoleName('doc');
const password = 'pw-visibility';
let todayUrl: string;
let documentedUrl: string;

/** The SQL between the README's audit-role markers, for this database and role. */
function readmeSnippet(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- audit-role:begin -->\n```sql\n([\s\S]*?)```\n<!-- audit-role:end -->/.exec(readme);
  if (!m) throw new Error('README.md has no audit-role snippet between its markers');
  return m[1]!;
}

const LIVE = `
  create schema app;
  create table app.t (id int primary key, n int);
  create function app.f(a int) returns int language sql as 'select a + 1';
  create function app.trg() returns trigger language plpgsql as $$ begin return new; end $$;
  create trigger t_trg before update on app.t for each row execute function app.trg();
  create view app.v as select id, n from app.t;
  alter table app.t enable row level security;
  create policy p on app.t using (n > 0);
`;

beforeAll(async () => {
  dir = makeTempDir('visibility');
  db = await createTestDatabase('visibility');
  await db.exec(`
    ${LIVE}
    create function app.evt() returns event_trigger language plpgsql as $$ begin end $$;
    create event trigger "${db.name}_evt" on ddl_command_end execute function app.evt();
    -- The hardening: function source and policies hidden from PUBLIC (catalog privileges are per database).
    revoke select on pg_catalog.pg_proc from public;
    revoke select on pg_catalog.pg_policy from public;
    revoke select on pg_catalog.pg_event_trigger from public;
    revoke all on database "${db.name}" from public;
    create role "${today}" login password '${password}';
    grant connect on database "${db.name}" to "${today}";
    grant usage on schema app, public to "${today}";
  `);
  const snippet = readmeSnippet()
    .replaceAll('schema_audit', `"${documented}"`)
    .replace("PASSWORD 'change-me'", `PASSWORD '${password}'`)
    .replace('DATABASE app', `DATABASE "${db.name}"`)
    .replace('ON SCHEMA public', 'ON SCHEMA public, app');
  await db.exec(snippet);
  todayUrl = urlAs(db.url, today, password);
  documentedUrl = urlAs(db.url, documented, password);
  // The expected schema: one more column (drift any role sees) and one more function (hidden from today's role).
  expected = path.join(dir, 'expected.sql');
  writeFileSync(expected, `${LIVE.replace('n int)', 'n int, extra text)')}\n  create function app.only_expected() returns int language sql as 'select 1';\n`);
});

afterAll(async () => {
  await db.exec(`drop owned by "${today}"; drop owned by "${documented}"`).catch(() => undefined);
  await db.drop();
  await execAsAdmin(`drop role if exists "${today}"; drop role if exists "${documented}"`);
  removeTempDir(dir);
});

const audit = (url: string, format: string, ...more: string[]) =>
  runCliHere(['audit', '--db', url, '--expected', expected, '--schema', 'app', '--no-advice', '--format', format, ...more]);

test('the CONNECT + USAGE role reads what it may, and names the kinds it may not read and why', async () => {
  const r = await readLiveSchema(todayUrl, { schemas: ['app'] });
  expect(r.notVisible).toEqual({
    role: today,
    kinds: [
      { kind: 'function', lacks: ['pg_catalog.pg_proc'] },
      { kind: 'event_trigger', lacks: ['pg_catalog.pg_event_trigger', 'pg_catalog.pg_proc'] },
      { kind: 'view', lacks: ['pg_catalog.pg_proc'] },
      { kind: 'trigger', lacks: ['pg_catalog.pg_proc'] },
      { kind: 'policy', lacks: ['pg_catalog.pg_policy'] },
      { kind: 'privilege', lacks: ['pg_catalog.pg_proc'] },
    ],
  });
  expect(r.model.functions).toEqual([]);
  expect(r.model.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['t', ['id', 'n']]]);
  const asSuper = await readLiveSchema(db.url, { schemas: ['app'] });
  expect(asSuper.notVisible).toBeUndefined();
  expect(asSuper.model.functions.map((f) => f.name)).toEqual(['evt', 'f', 'trg']);
});

test('text: not visible to the role, never missing; the verdict counts them as not compared', async () => {
  const text = await audit(todayUrl, 'text');
  expect(text.code).toBe(1); // the missing column is an error
  expect(text.stdout).toContain(
    `not visible: functions, event triggers, views, triggers, policies, privileges and owners not visible to ${today} (lacks SELECT on pg_catalog.pg_proc, pg_catalog.pg_event_trigger, pg_catalog.pg_policy); 6 expected objects not compared: app.f(a integer), app.only_expected(), app.trg(), app.v, app.t.t_trg, and 1 more`,
  );
  expect(text.stdout).toContain('extra');
  expect(text.stdout).not.toMatch(/only_expected.*missing|missing.*only_expected|missing function|unexpected event trigger|missing trigger|missing policy/i);
  expect(text.stdout).toMatch(new RegExp(`; 6 kinds not visible to ${today} \\(6 expected objects not compared\\)`));
  expect(text.stderr).toContain(`not visible to ${today}: functions (lacks SELECT on pg_catalog.pg_proc); not read, not compared`);
});

test('markdown and JSON say the same, and --strict-coverage fails the gate', async () => {
  const md = await audit(todayUrl, 'markdown');
  expect(md.stdout).toContain(`**Not visible to \`${today}\`.**`);
  expect(md.stdout).toContain('| functions | `pg_catalog.pg_proc` | `app.f(a integer)`, `app.only_expected()`, `app.trg()` |');
  expect(md.stdout).toContain(`| Not visible | 6 kinds not visible to \`${today}\`, 6 expected objects not compared (see below) |`);
  expect(md.stdout).not.toMatch(/only_expected[^\n]*missing/i);

  const json = await audit(todayUrl, 'json');
  const report = JSON.parse(json.stdout) as {
    findings: { kind: string; id: string }[];
    coverage: { complete: boolean; notVisible: { role: string; kinds: { kind: string; expected: number }[]; objects: { kind: string; schema: string; name: string }[] }; kinds: { kind: string; notVisible?: number }[] };
  };
  expect(report.findings.map((f) => f.kind)).toEqual(['missing_column']);
  expect(report.coverage.complete).toBe(false);
  expect(report.coverage.notVisible.role).toBe(today);
  expect(report.coverage.notVisible.kinds.map((k) => [k.kind, k.expected])).toEqual([
    ['function', 3],
    ['event_trigger', 0],
    ['view', 1],
    ['trigger', 1],
    ['policy', 1],
    ['privilege', 0],
  ]);
  expect(report.coverage.notVisible.objects).toContainEqual({ kind: 'function', schema: 'app', name: 'only_expected()' });
  expect(report.coverage.kinds.find((k) => k.kind === 'function')!.notVisible).toBe(3);
  expect(report.coverage.kinds.find((k) => k.kind === 'table')!.notVisible).toBeUndefined();

  // Without the visible drift: only the hidden function differs. Not a failure by default (not compared), but by --strict-coverage.
  const hiddenOnly = path.join(dir, 'hidden-only.sql');
  writeFileSync(hiddenOnly, `${LIVE}\n  create function app.only_expected() returns int language sql as 'select 1';\n`);
  const args = ['audit', '--db', todayUrl, '--expected', hiddenOnly, '--schema', 'app', '--no-advice'];
  const lax = await runCliHere(args);
  expect(lax.code).toBe(0);
  expect(lax.stdout).toMatch(new RegExp(`✔ No drift in what was compared \\(.*\\); 6 kinds not visible to ${today} \\(6 expected objects not compared\\)\\.\\n$`));
  const strict = await runCliHere([...args, '--strict-coverage']);
  expect(strict.code).toBe(1);
});

test("the README's least-privileged role sees everything: the same findings as a superuser, nothing not visible", async () => {
  const asRole = JSON.parse((await audit(documentedUrl, 'json')).stdout) as { findings: unknown[]; coverage: { complete: boolean; notVisible?: unknown } };
  const asSuper = JSON.parse((await audit(db.url, 'json')).stdout) as { findings: unknown[]; coverage: { complete: boolean; notVisible?: unknown } };
  expect(asRole.coverage.notVisible).toBeUndefined();
  expect(asRole.findings).toEqual(asSuper.findings);
  expect((asSuper.findings as { kind: string }[]).map((f) => f.kind)).toEqual(['unexpected_function', 'missing_function', 'missing_column', 'unexpected_event_trigger']);
  expect(asRole.coverage).toEqual(asSuper.coverage);
  const text = await audit(documentedUrl, 'text');
  expect(text.stdout).not.toContain('not visible');
});

test("the README's GRANT SELECT list names exactly the catalogs a read uses", async () => {
  const read = new Set<string>();
  await readLiveSchema(documentedUrl, { onQuery: (e) => catalogRelations(e.query.sql).forEach((r) => read.add(r)) });
  const granted = new Set([...readmeSnippet().matchAll(/GRANT SELECT[^;]*?ON ([^;]*?) TO/g)].flatMap((m) => [...m[1]!.matchAll(/pg_catalog\.pg_[a-z_0-9]+/g)].map((x) => x[0])));
  expect([...granted].sort()).toEqual([...read].sort());
});

test('a reference database read by a role that cannot see all of it is refused, not compared against half', async () => {
  const r = await runCliHere(['audit', '--db', db.url, '--expected', todayUrl, '--schema', 'app', '--no-advice']);
  expect(r.code).toBe(3);
  expect(r.stderr).toContain(`functions, event triggers, views, triggers, policies, privileges and owners not visible to ${today}`);
  expect(r.stdout).toBe('');
});

test('pg_trigger hidden: triggers (and views, whose INSTEAD OF triggers are read with them) not visible; the consistency check skips them', async () => {
  const other = await createTestDatabase('vis_trigger');
  const reader = randomRoleName('trg');
  try {
    await other.exec(`
      ${LIVE}
      revoke select on pg_catalog.pg_trigger from public;
      create role "${reader}" login password '${password}';
    `);
    const r = await readLiveSchema(urlAs(other.url, reader, password), { schemas: ['app'] });
    expect(r.notVisible).toEqual({
      role: reader,
      kinds: [
        { kind: 'view', lacks: ['pg_catalog.pg_trigger'] },
        { kind: 'trigger', lacks: ['pg_catalog.pg_trigger'] },
      ],
    });
    expect(r.model.functions.map((f) => f.name)).toEqual(['f', 'trg']);
    expect(r.model.views).toEqual([]);
  } finally {
    await other.drop();
    await execAsAdmin(`drop role if exists "${reader}"`);
  }
});

test('function source hidden the usual way (every column of pg_proc but prosrc): only functions not visible, triggers and views read as a superuser reads them', async () => {
  const other = await createTestDatabase('vis_prosrc');
  const reader = randomRoleName('src');
  try {
    await other.exec(`${LIVE}
      create role "${reader}" login password '${password}';`);
    const [{ cols }] = (await other.query<{ cols: string }>(
      `select string_agg(quote_ident(attname), ', ' order by attnum) as cols from pg_attribute where attrelid = 'pg_catalog.pg_proc'::regclass and attnum > 0 and attname <> 'prosrc'`,
    )) as [{ cols: string }];
    await other.exec(`revoke select on pg_catalog.pg_proc from public; grant select (${cols}) on pg_catalog.pg_proc to public;`);
    const asRole = await readLiveSchema(urlAs(other.url, reader, password), { schemas: ['app'] });
    const asSuper = await readLiveSchema(other.url, { schemas: ['app'] });
    expect(asRole.notVisible).toEqual({ role: reader, kinds: [{ kind: 'function', lacks: ['pg_catalog.pg_proc'] }] });
    expect(asRole.model.functions).toEqual([]);
    expect(asRole.model.views).toEqual(asSuper.model.views);
    expect(asRole.model.tables).toEqual(asSuper.model.tables);
    expect(asRole.model.privileges).toEqual(asSuper.model.privileges);
  } finally {
    await other.drop();
    await execAsAdmin(`drop role if exists "${reader}"`);
  }
});
