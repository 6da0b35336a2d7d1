import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, execAsAdmin, type TestDatabase } from '../support/db.js';
import { driftFindings, runCliHere } from '../support/cli.js';
import { pagilaSql } from '../support/pagila.js';
import { MARKER } from '../../src/io/write-folder.js';
import { safeFileName } from '../../src/snapshot/file-names.js';

/**
 * `snapshot --out DIR/`: the spec as a folder, read back by `audit
 * --expected DIR/` with no finding; hostile names stay inside DIR; a
 * user's folder is refused; a second snapshot replaces the first whole.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sa-snapdir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tree = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string, p: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${p}${e.name}/`);
      else out.push(`${p}${e.name}`);
    }
  };
  walk(dir, '');
  return out.sort();
};

const LONG = 'l'.repeat(63);

const SCHEMA = `
create schema billing;
create schema "Weird/../Name";
create schema "weird/../name";
create extension if not exists pg_trgm;
create type billing.status as enum ('open', 'paid', 'void');
comment on type billing.status is 'An invoice''s state';
create type public.mood as enum ('sad', 'ok');
create domain billing.money_amount as numeric(12,2) check (value >= 0);
create type billing.pair as (a integer, b text);
create sequence billing.invoice_no start 1000;
create table public.customers (id bigint generated always as identity primary key, name text not null, mood public.mood);
comment on table public.customers is 'People who pay';
comment on column public.customers.name is 'Full name';
create table billing.invoices (
  id bigint not null default nextval('billing.invoice_no'),
  customer_id bigint not null references public.customers(id),
  status billing.status not null default 'open',
  total billing.money_amount not null,
  issued date not null,
  primary key (id, issued)
) partition by range (issued);
create table billing.invoices_2025 partition of billing.invoices for values from ('2025-01-01') to ('2026-01-01');
create table billing.invoices_2026 partition of billing.invoices for values from ('2026-01-01') to ('2027-01-01');
create index on billing.invoices (customer_id);
create view billing.open_invoices as select id, customer_id, total from billing.invoices where status = 'open';
comment on view billing.open_invoices is 'Unpaid';
create function billing.total_of(c bigint) returns numeric language sql stable as $$ select coalesce(sum(total), 0) from billing.invoices where customer_id = c $$;
create table "Weird/../Name"."../../escape" (id int primary key, "a/b" text);
create table "Weird/../Name"."Foo" (id int);
create table "Weird/../Name"."foo" (id int);
create table "Weird/../Name"."FOO" (id int);
create table "weird/../name".".." (id int);
create table "weird/../name"."con" (id int);
create table "weird/../name"."tâble 表 🙂" (id int);
create table "weird/../name"."${LONG}" (id int);
create table "weird/../name"."a.b" (id int);
create table "weird/../name"."a-b" (id int);
create table "weird/../name"."a_b" (id int);
create type "weird/../name"."E/num" as enum ('x', 'y');
`;

async function snapshotThenAudit(db: TestDatabase, out: string): Promise<void> {
  const snap = await runCliHere(['snapshot', '--db', db.url, '--out', out]);
  expect(snap.stderr).toBe('');
  expect(snap.code).toBe(0);
  const r = await runCliHere(['audit', '--db', db.url, '--expected', out, '--format', 'json', '--no-advice']);
  expect(r.stderr).toBe('');
  expect(driftFindings(r.stdout)).toEqual([]);
  expect(JSON.parse(r.stdout).findings).toEqual([]);
  expect(r.code).toBe(0);
}

describe('snapshot --out DIR/', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('snapdir');
    await db.exec(SCHEMA);
  });
  afterAll(async () => db.drop());

  test('several schemas, partitions, views, functions, enums, comments, hostile names: written as a folder, audited clean', async () => {
    const out = path.join(tmp, 'multi') + '/';
    await snapshotThenAudit(db, out);
    const files = tree(out);
    const weird = safeFileName('Weird/../Name');
    const weirdLower = safeFileName('weird/../name');
    expect(weird).not.toBe(weirdLower);
    expect(files).toEqual(
      expect.arrayContaining([
        MARKER,
        'spec.yaml',
        'public/enums.yaml',
        'public/tables/customers.yaml',
        'billing/enums.yaml',
        'billing/domains.yaml',
        'billing/types.yaml',
        'billing/sequences.yaml',
        'billing/functions.yaml',
        'billing/views.yaml',
        'billing/tables/invoices.yaml',
        'billing/tables/invoices_2025.yaml',
        `${weird}/tables/foo-${safeFileName('Foo').split('-')[1]}.yaml`,
        `${weird}/tables/foo.yaml`,
        `${weirdLower}/tables/${LONG}.yaml`,
        `${weirdLower}/tables/a_b.yaml`,
        `${weirdLower}/enums.yaml`,
      ]),
    );
    // Nothing outside the folder, nothing beside it, every name safe and unique ignoring case.
    expect(readdirSync(tmp)).toEqual(['multi']);
    for (const f of files) expect(f).toMatch(/^(\.schema-audit-snapshot|[a-z0-9_/.-]+)$/);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
    expect(readFileSync(path.join(out, 'spec.yaml'), 'utf8')).toContain('extensions: [ pg_trgm ]');
    expect(readFileSync(path.join(out, 'billing/tables/invoices_2025.yaml'), 'utf8')).toContain('partitionOf');

    // Deterministic: the same database, the same bytes.
    const again = path.join(tmp, 'again') + '/';
    expect((await runCliHere(['snapshot', '--db', db.url, '--out', again])).code).toBe(0);
    expect(tree(again)).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(again, f), 'utf8')).toBe(readFileSync(path.join(out, f), 'utf8'));
    rmSync(again, { recursive: true });

    // --format json: the same layout, read back alike.
    const json = path.join(tmp, 'json') + '/';
    const snap = await runCliHere(['snapshot', '--db', db.url, '--format', 'json', '--out', json]);
    expect(snap.code).toBe(0);
    expect(tree(json)).toContain('billing/tables/invoices.json');
    const r = await runCliHere(['audit', '--db', db.url, '--expected', json, '--format', 'json', '--no-advice']);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
    rmSync(json, { recursive: true });
  });

  test('a second snapshot replaces the first whole (stale tables go); an existing folder without the slash is a folder', async () => {
    const dir = path.join(tmp, 'replace');
    await snapshotThenAudit(db, `${dir}/`);
    await db.exec('create table public.gone (id int)');
    expect((await runCliHere(['snapshot', '--db', db.url, '--out', dir])).code).toBe(0);
    expect(tree(dir)).toContain('public/tables/gone.yaml');
    await db.exec('drop table public.gone');
    await snapshotThenAudit(db, dir);
    expect(tree(dir)).not.toContain('public/tables/gone.yaml');
    expect(readdirSync(tmp).filter((e) => e.startsWith('.'))).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  test("a folder with a user's files is refused (exit 2), nothing changed", async () => {
    const dir = path.join(tmp, 'mine');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'notes.md'), 'mine');
    const r = await runCliHere(['snapshot', '--db', db.url, '--out', `${dir}/`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not written by schema-audit snapshot/);
    expect(tree(dir)).toEqual(['notes.md']);
    // A snapshot folder the user added to: refused too.
    const snapDir = path.join(tmp, 'added');
    expect((await runCliHere(['snapshot', '--db', db.url, '--out', `${snapDir}/`])).code).toBe(0);
    writeFileSync(path.join(snapDir, 'public', 'mine.yaml'), 'version: 1\n');
    const again = await runCliHere(['snapshot', '--db', db.url, '--out', `${snapDir}/`]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/"public\/mine.yaml" \(a regular file\) was not written/);
    expect(readFileSync(path.join(snapDir, 'public', 'mine.yaml'), 'utf8')).toBe('version: 1\n');
    rmSync(dir, { recursive: true });
    rmSync(snapDir, { recursive: true });
  });

  test('--format sql or model to a folder: usage error, exit 2', async () => {
    const r = await runCliHere(['snapshot', '--db', db.url, '--format', 'sql', '--out', path.join(tmp, 'sql') + '/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only --format yaml or json/);
  });
});

test('pagila: snapshot --out DIR/, then audit --expected DIR/: no finding', async () => {
  const db = await createTestDatabase('snapdirpagila');
  try {
    await db.exec(pagilaSql());
    const out = path.join(tmp, 'pagila') + '/';
    await snapshotThenAudit(db, out);
    expect(tree(out)).toEqual(expect.arrayContaining(['public/tables/film.yaml', 'public/tables/payment_p2022_01.yaml', 'public/views.yaml', 'public/functions.yaml', 'public/domains.yaml']));
  } finally {
    await db.drop();
  }
});

test('snapshot --role to a folder: roles and default privileges in spec.yaml, grants with each object; audited clean', async () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const app = `snapdir_app_${suffix}`;
  const reader = `snapdir_reader_${suffix}`;
  await execAsAdmin(`CREATE ROLE ${app} NOLOGIN; CREATE ROLE ${reader} NOLOGIN`);
  const db = await createTestDatabase('snapdirroles');
  try {
    await db.exec(`
      create schema app authorization ${app};
      grant usage on schema app to ${reader};
      create table app.t (id int primary key, secret text);
      alter table app.t owner to ${app};
      grant select on app.t to ${reader};
      create sequence app.s;
      alter sequence app.s owner to ${app};
      grant usage on sequence app.s to ${reader};
      alter default privileges for role ${app} in schema app grant select on tables to ${reader};
      create view app.v as select id, secret from app.t;
      alter view app.v owner to ${app};
      grant select (id) on app.v to ${reader};
    `);
    const out = path.join(tmp, 'roles') + '/';
    const snap = await runCliHere(['snapshot', '--db', db.url, '--schema', 'app', '--role', app, '--role', reader, '--out', out]);
    expect({ code: snap.code, stderr: snap.stderr }).toEqual({ code: 0, stderr: '' });
    const top = readFileSync(path.join(out, 'spec.yaml'), 'utf8');
    expect(top).toContain(`roles:\n  - ${app}\n  - ${reader}\n`);
    expect(top).toContain('default_privileges:');
    expect(readFileSync(path.join(out, 'app/tables/t.yaml'), 'utf8')).toContain(`grants: { ${reader}: [ SELECT ] }`);
    expect(readFileSync(path.join(out, 'app/sequences.yaml'), 'utf8')).toContain(`grants: { ${reader}: [ USAGE ] }`);
    const r = await runCliHere(['audit', '--db', db.url, '--expected', out, '--schema', 'app', '--format', 'json', '--no-advice']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
    // A view's column grants: written under column_grants:, compared.
    const files = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'));
    const viewFile = files.find((f) => readFileSync(path.join(out, f), 'utf8').includes('column_grants:'));
    expect(viewFile && readFileSync(path.join(out, viewFile), 'utf8')).toContain(`    column_grants:\n      id:\n        ${reader}:\n          - SELECT\n`);
    await db.exec(`revoke select (id) on app.v from ${reader}`);
    const drifted = await runCliHere(['audit', '--db', db.url, '--expected', out, '--schema', 'app', '--format', 'json', '--no-advice']);
    expect((JSON.parse(drifted.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id)).toEqual(['privilege_missing:column:app.v.id']);
  } finally {
    await db.drop();
    for (const role of [app, reader]) await execAsAdmin(`DROP OWNED BY ${role}; DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  }
});
