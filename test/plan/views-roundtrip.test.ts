import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { introspect } from '../support/introspect.js';
import { runCli } from '../support/cli.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * Views on a real server: each case is a database (a.sql) audited against
 * an expected schema (b.sql) with --drop-unexpected --verify; up.sql and
 * down.sql applied with psql (twice each): after up.sql the database audits
 * clean against b.sql, after down.sql against a.sql. Then a spec round trip:
 * snapshot (YAML) of a database with views, audited against itself.
 */
const TABLES = `
  create table customers (id bigint primary key, name text not null, country text, active boolean not null default true);
  create table orders (id bigint primary key, customer_id bigint not null references customers, total numeric(12,2) not null);
  insert into customers values (1, 'a', 'DE', true), (2, 'b', 'FR', false);
  insert into orders values (1, 1, 10), (2, 1, 2000), (3, 2, 5);
`;

const CASES: Record<string, { a: string; b: string; steps: RegExp[] }> = {
  'a missing view over a view': {
    a: `${TABLES} create view active as select id, name from customers where active;`,
    b: `${TABLES} create view active as select id, name from customers where active;
       create view active_names as select name from active;
       comment on view active_names is 'for the mailer';`,
    steps: [/^views:public\.active_names$/],
  },
  'a replaceable change (a column appended) under a view that reads it': {
    a: `${TABLES} create view totals as select customer_id, sum(total) as total from orders group by customer_id;
       create view big as select customer_id from totals where total > 1000;`,
    b: `${TABLES} create view totals as select customer_id, sum(total) as total, count(*) as n from orders group by customer_id;
       create view big as select customer_id from totals where total > 1000;`,
    steps: [/^views:public\.totals$/],
  },
  'a change PostgreSQL cannot replace (a column retyped), with a view over it': {
    a: `${TABLES} create view totals as select customer_id, sum(total) as total from orders group by customer_id;
       create view big as select customer_id from totals where total > 1000;`,
    b: `${TABLES} create view totals as select customer_id, sum(total)::bigint as total from orders group by customer_id;
       create view big as select customer_id from totals where total > 1000;`,
    steps: [/^drop_views:public\.big$/, /^drop_views:public\.totals$/, /^views:public\.totals$/, /^views:public\.big$/],
  },
  'a missing materialized view with its index, and an unexpected view dropped': {
    a: `${TABLES} create view debug as select * from orders where total < 0;`,
    b: `${TABLES} create schema reporting;
       create materialized view reporting.per_country as select country, count(*) as n from customers group by country;
       create unique index per_country_country on reporting.per_country (country);`,
    steps: [/^drop_views:public\.debug$/, /^schemas:reporting$/, /^views:reporting\.per_country$/],
  },
  'a materialized view whose query changed, security options of a view': {
    a: `${TABLES} create materialized view mv as select customer_id, sum(total) as total from orders group by customer_id;
       create unique index mv_customer on mv (customer_id);
       create view eu as select id, name, country from customers where country in ('DE', 'FR');`,
    b: `${TABLES} create materialized view mv as select customer_id, sum(total) as total from orders where total > 0 group by customer_id;
       create unique index mv_customer on mv (customer_id);
       create view eu with (security_barrier) as select id, name, country from customers where country in ('DE', 'FR') with cascaded check option;`,
    steps: [/^drop_views:public\.mv$/, /^views:public\.eu$/, /^views:public\.mv$/],
  },
  'a column retyped under a view, and a view over that one': {
    a: `${TABLES.replace('name text not null', 'name varchar(100) not null')} create view names as select id, name from customers;
       create view short_names as select name from names where length(name) < 3;`,
    b: `${TABLES.replace('name text not null', 'name varchar(200) not null')} create view names as select id, name from customers;
       create view short_names as select name from names where length(name) < 3;`,
    steps: [/^drop_views:public\.short_names$/, /^drop_views:public\.names$/, /^alter_columns:public\.customers\.name$/, /^views:public\.names$/, /^views:public\.short_names$/],
  },
};

let dir: string;
const databases: TestDatabase[] = [];
const results = new Map<string, RoundTrip>();

beforeAll(async () => {
  dir = makeTempDir('views-rt');
  for (const [i, [name, c]] of Object.entries(CASES).entries()) {
    const a = path.join(dir, `${i}-a.sql`);
    const b = path.join(dir, `${i}-b.sql`);
    writeFileSync(a, c.a);
    writeFileSync(b, c.b);
    const db = await createTestDatabase(`views_${i}`);
    databases.push(db);
    await db.exec(c.a);
    results.set(name, await roundTrip(db, a, b));
  }
}, Object.keys(CASES).length * 150_000);

afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  removeTempDir(dir);
});

describe.each(Object.keys(CASES))('%s', (name) => {
  const rt = (): RoundTrip => {
    const r = results.get(name);
    if (!r) throw new Error(`case ${name} did not run`);
    return r;
  };

  test('the steps, in order; every finding fixed; --verify proved them', () => {
    const r = rt();
    const ids = r.plan.steps.map((s) => s.id);
    expect(ids.filter((id) => CASES[name]!.steps.some((re) => re.test(id)))).toEqual(ids);
    CASES[name]!.steps.forEach((re, i) => expect(ids[i]).toMatch(re));
    expect([...r.plan.fixed].sort()).toEqual(r.before);
    expect(r.plan.verification).toMatchObject({ verified: true });
  });

  test('up.sql applies twice and leaves no drift; down.sql applies twice and gives back the original', () => {
    const r = rt();
    const context = migrationText(r);
    expect({ up: r.up, context }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], context });
    expect(r.afterUp).toEqual([]);
    expect({ down: r.down, context }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], context });
    expect(r.afterDown).toEqual([]);
  });
});

test('the materialized view hazard states what creating it reads', () => {
  const step = results.get('a missing materialized view with its index, and an unexpected view dropped')!.plan.steps.find((s) => s.id === 'views:reporting.per_country')!;
  expect(step.hazards.map((h) => h.message).join('\n')).toMatch(/runs its query once, reading public\.customers \(/);
});

test('spec round trip: snapshot of a database with views, audited against itself, is clean; the model reads them in dependency order', async () => {
  const db = await createTestDatabase('views_spec');
  databases.push(db);
  await db.exec(`${TABLES}
    create schema "Rep";
    create view v1 as select id, name from customers where active;
    create view "Rep"."V 2" with (security_barrier = true) as select v1.id, o.total from v1 join orders o on o.customer_id = v1.id;
    create view v3 as select id from v1 with local check option;
    create materialized view "Rep".mv as select count(*) as n from "Rep"."V 2" with no data;
    create index mv_n on "Rep".mv (n);
    comment on materialized view "Rep".mv is 'counts';`);
  const model = await introspect(db.url);
  expect(model.views.find((v) => v.name === 'V 2')?.dependsOn).toEqual(['column:public\u0000orders\u0000customer_id', 'column:public\u0000orders\u0000total', 'column:public\u0000v1\u0000id']);
  const spec = path.join(dir, 'views.yaml');
  const snap = await runCli(['snapshot', '--db', db.url, '--out', spec]);
  expect(snap.code).toBe(0);
  const audit = await runCli(['audit', '--db', db.url, '--expected', spec, '--format', 'json', '--no-advice']);
  expect(JSON.parse(audit.stdout).findings).toEqual([]);
  const sqlFile = path.join(dir, 'views.sql');
  expect((await runCli(['snapshot', '--db', db.url, '--format', 'sql', '--out', sqlFile])).code).toBe(0);
  const bySql = await runCli(['audit', '--db', db.url, '--expected', sqlFile, '--format', 'json', '--no-advice']);
  expect(JSON.parse(bySql.stdout).findings).toEqual([]);
});
