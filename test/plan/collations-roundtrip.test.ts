import path from 'node:path';
import { runCli } from '../support/cli.js';
import { createTestDatabase } from '../support/db.js';
import { introspect } from '../support/introspect.js';
import { describeRoundTripCases, type RoundTripCase } from './roundtrip.js';

/**
 * Collations on a real server (src/kinds/collation/): each case is a
 * database (a.sql) audited against an expected schema (b.sql) with
 * --drop-unexpected --verify; up.sql and down.sql applied with psql (twice
 * each): after up.sql the database audits clean against b.sql (but for the
 * plan's manual steps), after down.sql against a.sql. ICU rules need
 * PostgreSQL 16+, the builtin provider 17+. Then a spec round trip:
 * snapshot (YAML and SQL) of a database with collations, audited against
 * itself.
 */
const MAJOR = Number(process.env.PG_MAJOR ?? '17');

const CASES: Record<string, RoundTripCase> = {
  'missing collations created before the domain and columns that use them; unexpected ones dropped after the column leaves them': {
    a: `create collation posix from "POSIX";
        create table t (a text, b text collate posix);
        insert into t values ('x', 'y');
        create collation leftover (provider = icu, locale = 'fr');`,
    b: `create schema app;
        create collation app.numeric (provider = icu, locale = 'en-u-kn-true');
        create collation ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
        comment on collation ci is 'case-insensitive';
        create collation mixed (lc_collate = 'C', lc_ctype = 'POSIX');
        create domain code as text collate app.numeric;
        create table t (a text collate ci, b text collate app.numeric, c code);`,
    steps: [
      /^schemas:app$/,
      /^collations:app\.numeric$/,
      /^collations:public\.ci$/,
      /^collations:public\.mixed$/,
      /^types:public\.code$/,
      /^columns:public\.t\.c$/,
      /^alter_columns:public\.t\.a$/,
      /^alter_columns:public\.t\.b$/,
      /^drop_collations:public\.leftover$/,
      /^drop_collations:public\.posix$/,
    ],
  },
  'a changed collation nothing uses: dropped and created again': {
    a: `create collation c1 (provider = icu, locale = 'de'); comment on collation c1 is 'German';`,
    b: `create collation c1 (provider = icu, locale = 'de', deterministic = false); comment on collation c1 is 'German';`,
    steps: [/^collations:public\.c1$/],
  },
  'a changed collation a column uses: manual': {
    a: `create collation ci (provider = icu, locale = 'und-u-ks-level2'); create table u (email text collate ci);`,
    b: `create collation ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false); create table u (email text collate ci);`,
    steps: [],
    kept: ['collation_mismatch:public.ci'],
  },
  ...(MAJOR >= 16
    ? {
        'ICU rules (PostgreSQL 16+): missing, and changed on an unused collation': {
          a: `create collation ruled (provider = icu, locale = 'und', rules = '&a < b');`,
          b: `create collation ruled (provider = icu, locale = 'und', rules = '&b < a');
              create collation ruled2 (provider = icu, locale = 'und', rules = '&V << w <<< W');`,
          steps: [/^collations:public\.ruled2$/, /^collations:public\.ruled$/],
        },
      }
    : {}),
  ...(MAJOR >= 17
    ? {
        'the builtin provider (PostgreSQL 17+): missing, and a libc collation of that name made builtin': {
          a: `create collation cbytes from "POSIX";`,
          b: `create collation cbytes (provider = builtin, locale = 'C');
              create collation cutf8 (provider = builtin, locale = 'C.UTF-8');`,
          steps: [/^collations:public\.cutf8$/, /^collations:public\.cbytes$/],
        },
      }
    : {}),
};

const { databases, dir } = describeRoundTripCases('collations', CASES);

test('spec round trip: snapshot of a database with collations, audited against itself, is clean', async () => {
  const db = await createTestDatabase('collations_spec');
  databases.push(db);
  await db.exec(`create schema "Odd";
    create collation "Odd"."Natural Sort" (provider = icu, locale = 'en-u-kn-true');
    create collation ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
    comment on collation ci is 'it''s case-insensitive';
    create collation posix from "POSIX";
    create collation mixed (lc_collate = 'C', lc_ctype = 'POSIX');
    ${MAJOR >= 16 ? `create collation ruled (provider = icu, locale = 'und', rules = '&a < b');` : ''}
    ${MAJOR >= 17 ? `create collation cutf8 (provider = builtin, locale = 'C.UTF-8');` : ''}
    create domain email as text collate ci;
    create table uses (a text collate "Odd"."Natural Sort", b email, c text collate posix, d text collate mixed);
    create index on uses (a collate ci);`);
  const model = await introspect(db.url);
  expect(model.collations.map((c) => `${c.schema}.${c.name}:${c.provider}`)).toEqual([
    'Odd.Natural Sort:icu',
    'public.ci:icu',
    ...(MAJOR >= 17 ? ['public.cutf8:builtin'] : []),
    'public.mixed:libc',
    'public.posix:libc',
    ...(MAJOR >= 16 ? ['public.ruled:icu'] : []),
  ]);
  expect(model.collations.find((c) => c.name === 'ci')).toEqual({
    schema: 'public',
    name: 'ci',
    provider: 'icu',
    locale: 'und-u-ks-level2',
    lcCollate: null,
    lcCtype: null,
    rules: null,
    deterministic: false,
    comment: "it's case-insensitive",
  });
  expect(model.collations.find((c) => c.name === 'mixed')).toMatchObject({ provider: 'libc', locale: null, lcCollate: 'C', lcCtype: 'POSIX' });
  expect(model.collations.find((c) => c.name === 'posix')).toMatchObject({ provider: 'libc', locale: 'POSIX', lcCollate: null, lcCtype: null });
  for (const [file, format] of [['collations.yaml', 'yaml'], ['collations.sql', 'sql']] as const) {
    const out = path.join(dir(), file);
    expect((await runCli(['snapshot', '--db', db.url, '--format', format, '--out', out])).code).toBe(0);
    const audit = await runCli(['audit', '--db', db.url, '--expected', out, '--format', 'json', '--no-advice']);
    expect([file, JSON.parse(audit.stdout).findings]).toEqual([file, []]);
  }
});
