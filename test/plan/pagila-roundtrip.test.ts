import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { PAGILA_SCHEMA_FILE, pagilaSql } from '../support/pagila.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * A real-world schema from nothing: an empty database audited against
 * pagila (partitions, domains, an enum, serial sequences, composite keys,
 * full-text and partial indexes, functions, an aggregate, views, triggers).
 * up.sql must build everything the audit compares; down.sql must empty the
 * database again. And the other way, with --drop-unexpected.
 */
let db: TestDatabase;
let rt: RoundTrip;
let pagila: TestDatabase;
let drop: RoundTrip;
let dir: string | undefined;

beforeAll(async () => {
  db = await createTestDatabase('rt_pagila');
  dir = makeTempDir('empty');
  const empty = path.join(dir, 'empty.sql');
  writeFileSync(empty, '-- an empty schema\n');
  rt = await roundTrip(db, empty, PAGILA_SCHEMA_FILE);
  // And the other way: pagila audited against an empty schema, with --drop-unexpected.
  pagila = await createTestDatabase('rt_pagila_drop');
  await pagila.exec(pagilaSql());
  drop = await roundTrip(pagila, PAGILA_SCHEMA_FILE, empty, ['--drop-unexpected', '--verify']);
  // Two round trips: 224 s at load 20 on 2 cores.
}, 600_000);

afterAll(async () => {
  removeTempDir(dir);
  await db?.drop();
  await pagila?.drop();
});

test('every difference is fixed automatically (functions, views and triggers included) and --verify agrees', () => {
  expect(rt.before.length).toBeGreaterThan(20);
  expect(rt.before.filter((id) => /^missing_(function|view):/.test(id)).length).toBeGreaterThan(10);
  expect(rt.manual).toEqual([]);
  expect(rt.plan.verification).toMatchObject({ verified: true });
});

test('up.sql builds pagila (psql, twice): the audit is clean', () => {
  expect({ up: rt.up, sql: rt.up.some((u) => u.code !== 0) ? migrationText(rt) : '' }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
  expect(rt.afterUp).toEqual([]);
});

test('down.sql (psql, twice) leaves the database empty again', async () => {
  expect({ down: rt.down, sql: rt.down.some((u) => u.code !== 0) ? migrationText(rt) : '' }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
  expect(rt.afterDown).toEqual([]);
  const left = await db.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace
     UNION ALL SELECT typname FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype IN ('d', 'e')`,
  );
  expect(left).toEqual([]);
});

test('--drop-unexpected against an empty schema: up.sql drops every object of pagila (views and functions too), down.sql builds them again', () => {
  expect(drop.before.length).toBeGreaterThan(20);
  expect(drop.plan.steps.flatMap((s) => s.hazards).filter((h) => h.kind === 'data_loss').length).toBeGreaterThan(10);
  expect({ verified: drop.plan.verification?.verified, failure: drop.plan.verification?.failure }).toEqual({ verified: true, failure: undefined });
  expect({ up: drop.up, sql: drop.up.some((u) => u.code !== 0) ? migrationText(drop) : '' }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
  expect(drop.afterUp).toEqual([]);
  expect({ down: drop.down, sql: drop.down.some((u) => u.code !== 0) ? migrationText(drop) : '' }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
  expect(drop.afterDown).toEqual([]);
});
