import { renderDdlScript } from '../../src/ddl/model-to-ddl.js';

/** The script around the statements: pure, no database. */

const HEAD = `-- The schema of db.internal:5432/app (PostgreSQL 17.10), as DDL.
-- Written by schema-audit 1.2.3.
--
-- Holds schemas, extensions, enums, domains, sequences, functions, tables
-- (columns, constraints, indexes, partitions, comments, row-level security and
-- its policies), views and triggers; not event triggers, owners, grants or data.
-- Load it into an empty database: psql -v ON_ERROR_STOP=1 -f FILE

SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
-- The SQL text below was printed by PostgreSQL under this search_path.
SET search_path = pg_catalog, public;
-- As pg_dump: a function body may name a table created after it.
SET check_function_bodies = false;

`;

const header = { toolVersion: '1.2.3', source: 'db.internal:5432/app (PostgreSQL 17.10)' };

test('header, session settings, then each statement with its semicolon and a blank line', () => {
  const script = renderDdlScript(['CREATE SCHEMA IF NOT EXISTS billing', 'CREATE TABLE billing.t (\n  id integer\n)'], header);
  expect(script).toBe(`${HEAD}CREATE SCHEMA IF NOT EXISTS billing;\n\nCREATE TABLE billing.t (\n  id integer\n);\n\n`);
});

test('no statements: the header and settings only; the same input gives the same bytes', () => {
  expect(renderDdlScript([], header)).toBe(HEAD);
  expect(renderDdlScript(['SELECT 1'], header)).toBe(renderDdlScript(['SELECT 1'], { ...header }));
});

test('generatedAt, when given, is stated', () => {
  const script = renderDdlScript([], { ...header, generatedAt: '2026-01-31T09:00:00.000Z' });
  expect(script.split('\n')[1]).toBe('-- Written by schema-audit 1.2.3 at 2026-01-31T09:00:00.000Z.');
});

test('the header stays comments: line breaks escaped, a password in a URL masked', () => {
  const script = renderDdlScript([], { toolVersion: '1', source: 'postgres://audit:s3cret@db:5432/app\nDROP TABLE x;' });
  expect(script).not.toContain('s3cret');
  expect(script.split('\n')[0]).toBe('-- The schema of postgres://audit:***@db:5432/app\\nDROP TABLE x;, as DDL.');
  expect(script.split('\n').filter((l) => l !== '' && !l.startsWith('--') && !l.startsWith('SET '))).toEqual([]);
});
