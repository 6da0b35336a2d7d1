import { randomBytes } from 'node:crypto';
import type {
  Constraint,
  EnumType,
  Routine,
  SchemaModel,
  Sequence,
  Table,
  Trigger,
  View,
} from '../../src/model/schema-model.js';
import type { TestDatabase } from '../support/db.js';

/**
 * Lookups and small utilities shared by the introspection tests (the basic
 * `introspect`, `table`, `column`, `index` live in test/support/introspect.ts).
 * Every lookup throws, listing what is there, when the object is missing.
 */

/** Major version of the run's server (PG_MAJOR, or whatever TEST_DATABASE_URL points at). */
export async function serverMajor(db: TestDatabase): Promise<number> {
  const [row] = await db.query<{ n: string }>(`select current_setting('server_version_num') as n`);
  return Math.floor(Number(row!.n) / 10000);
}

export function constraint(t: Table, name: string): Constraint {
  const c = t.constraints.find((x) => x.name === name);
  if (!c) throw new Error(`constraint ${name} not in ${t.name}: ${t.constraints.map((x) => x.name).join(', ')}`);
  return c;
}

export function trigger(t: Table, name: string): Trigger {
  const tr = t.triggers.find((x) => x.name === name);
  if (!tr) throw new Error(`trigger ${name} not in ${t.name}: ${t.triggers.map((x) => x.name).join(', ')}`);
  return tr;
}

export function sequence(model: SchemaModel, name: string, schema = 'public'): Sequence {
  const s = model.sequences.find((x) => x.schema === schema && x.name === name);
  if (!s) throw new Error(`sequence ${schema}.${name} not in model: ${model.sequences.map((x) => `${x.schema}.${x.name}`).join(', ')}`);
  return s;
}

export function enumType(model: SchemaModel, name: string, schema = 'public'): EnumType {
  const e = model.enums.find((x) => x.schema === schema && x.name === name);
  if (!e) throw new Error(`enum ${schema}.${name} not in model: ${model.enums.map((x) => `${x.schema}.${x.name}`).join(', ')}`);
  return e;
}

export function view(model: SchemaModel, name: string, schema = 'public'): View {
  const v = model.views.find((x) => x.schema === schema && x.name === name);
  if (!v) throw new Error(`view ${schema}.${name} not in model: ${model.views.map((x) => `${x.schema}.${x.name}`).join(', ')}`);
  return v;
}

export function routines(model: SchemaModel, name: string, schema = 'public'): Routine[] {
  return model.functions.filter((x) => x.schema === schema && x.name === name);
}

/** `schema.name` of every table, in model order. */
export function tableNames(model: SchemaModel): string[] {
  return model.tables.map((t) => `${t.schema}.${t.name}`);
}

/** A cluster-unique role name (roles are cluster-wide; test files run in parallel). */
export function randomRoleName(prefix: string): string {
  return `sa_${prefix}_${randomBytes(5).toString('hex')}`;
}

/** Reject after `ms` so a hang fails the test with a message instead of a jest timeout. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
