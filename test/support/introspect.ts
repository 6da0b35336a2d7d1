import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import type { Column, Index, SchemaModel, Table } from '../../src/model/schema-model.js';

export async function introspect(url: string, schemas?: string[]): Promise<SchemaModel> {
  return (await readLiveSchema(url, schemas ? { schemas } : {})).model;
}

export function table(model: SchemaModel, name: string, schema = 'public'): Table {
  const t = model.tables.find((x) => x.schema === schema && x.name === name);
  if (!t) throw new Error(`table ${schema}.${name} not in model: ${model.tables.map((x) => `${x.schema}.${x.name}`).join(', ')}`);
  return t;
}

export function column(t: Table, name: string): Column {
  const c = t.columns.find((x) => x.name === name);
  if (!c) throw new Error(`column ${name} not in ${t.name}: ${t.columns.map((x) => x.name).join(', ')}`);
  return c;
}

export function index(t: Table, name: string): Index {
  const i = t.indexes.find((x) => x.name === name);
  if (!i) throw new Error(`index ${name} not in ${t.name}: ${t.indexes.map((x) => x.name).join(', ')}`);
  return i;
}
