import { modelToSpec } from '../../src/spec-file/model-to-spec.js';
import { renderSpecYaml } from '../../src/spec-file/spec-yaml.js';
import { createTestDatabase } from '../support/db.js';
import { serverMajor } from '../introspect/helpers.js';
import { specPart } from './builders.js';
import { roundTripSql } from './fixture.js';
import { roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * The spec's key property, on a real server: a database's schema, snapshot as
 * a spec, written to a file, loaded, turned into DDL and run in an empty
 * database, gives back the same model — tables (columns, constraints, indexes,
 * partitions, comments), enums, domains and sequences, name for name.
 */

let major: number;
let yaml: RoundTrip;

beforeAll(async () => {
  const probe = await createTestDatabase('spec_major');
  major = await serverMajor(probe);
  await probe.drop();
  yaml = await roundTrip(roundTripSql(major), 'yaml');
});

test('the model read back from the spec DDL equals the original (YAML)', () => {
  expect(specPart(yaml.after)).toEqual(specPart(yaml.before));
});

test('the same through a JSON spec file', async () => {
  const json = await roundTrip(roundTripSql(major), 'json');
  expect(specPart(json.after)).toEqual(specPart(json.before));
  expect(json.spec).toEqual(yaml.spec);
});

test('the rebuilt database snapshots to the same spec, byte for byte', () => {
  expect(modelToSpec(yaml.after)).toEqual(yaml.spec);
  expect(renderSpecYaml(modelToSpec(yaml.after))).toBe(yaml.text);
});

test('the fixture exercises what the round trip claims', () => {
  const tables = new Map(yaml.before.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  const events = tables.get('public.events')!;
  expect(events.kind).toBe('partitioned_table');
  // partitions: attached with their own names, copies under PostgreSQL's names
  expect(tables.get('public.events_old')!.constraints.map((c) => c.name)).toEqual(
    expect.arrayContaining(['events_old_own_pk', 'events_client_id_fkey', 'events_kind_check']),
  );
  expect(tables.get('public.events_2024')!.indexes.map((i) => i.name)).toEqual(
    expect.arrayContaining(['events_2024_kind_idx', 'events_2024_lower_idx', 'events_2024_pkey']),
  );
  // numbered default names
  expect(tables.get('public.b_coll')!.constraints.map((c) => c.name)).toEqual(['b_coll_x_check1', 'b_coll_x_fkey1']);
  // a foreign key to a partitioned table: the copies PostgreSQL adds per referenced partition are not read (pg_dump skips them too)
  expect(tables.get('public.event_refs')!.constraints.filter((c) => c.kind === 'foreign_key')).toHaveLength(1);
  // identity, serial and a free-standing sequence
  expect(yaml.before.sequences.map((s) => s.name)).toEqual(
    expect.arrayContaining(['gadget_ids', 'leads_id_seq', 'leads_serial_no_seq', 'ticket_seq', 'invoices_id_seq']),
  );
  if (major >= 15) expect(tables.get('public.nnd')!.constraints.every((c) => c.kind !== 'unique' || c.nullsNotDistinct)).toBe(true);
  if (major >= 17) expect(tables.get('public.rooms_1')!.constraints.map((c) => c.kind)).toEqual(['exclusion']);
});

test('the spec is compact: defaults, copies and implied sequences are left out', () => {
  const spec = yaml.spec;
  const tables = spec.tables!;
  expect(tables.clients!.primaryKey).toEqual(['id']);
  expect(tables.leads!.columns.score).toEqual({ type: 'integer', check: '((score >= 0) AND (score <= 100))' });
  expect(tables.leads!.columns.client_id!.references).toEqual({ table: 'clients', onDelete: 'cascade' });
  expect(tables.b_coll!.columns.x!.references).toEqual({ table: 'plain_ref0', name: 'b_coll_x_fkey1' });
  expect(tables.events_2025_a).toEqual({
    partitionOf: { table: 'events_2025', bound: 'FOR VALUES WITH (modulus 2, remainder 0)' },
    columns: {},
  });
  expect(tables.events_old!.primaryKey).toEqual({ name: 'events_old_own_pk', columns: ['id', 'happened_at'] });
  expect(Object.keys(tables.events_old!.indexes!)).toEqual(['events_old_extra', 'events_old_own_kind']);
  // identity sequences with default names and options are implied by the column
  expect(Object.keys(spec.sequences!)).not.toContain('leads_id_seq');
  expect(spec.sequences!.leads_other_id_seq).toEqual({ increment: 10, start: 100, ownedBy: 'leads.other_id' });
  expect(spec.sequences!.leads_serial_no_seq).toEqual({ type: 'integer', ownedBy: 'leads.serial_no' });
  // a type of public used in another schema is written qualified
  expect(tables['billing.notes']!.columns).toEqual({
    status: { type: 'public.lead_status' },
    own: { type: 'billing.lead_status' },
    n: { type: 'public.year' },
  });
  expect(Object.keys(tables)).toEqual(expect.arrayContaining(['"my.table"', 'Lead Notes', 'Odd Schema.Odd Table']));
});

test('every DDL statement points at a spec node the loader can locate', () => {
  for (const statement of yaml.ddl) {
    const location = yaml.loaded.locate(statement.path);
    expect(location).toBeDefined();
    expect(location!.line).toBeGreaterThan(0);
  }
});
