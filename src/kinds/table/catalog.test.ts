/** decodeTable and assembleTable on rows captured from PostgreSQL 17 (tablesQuery, array row mode: every value text). */
import type { RowOf } from '../../introspect/postgres/stream-rows.js';
import { decodeColumn } from '../column/catalog.js';
import { decodeTrigger } from '../trigger/catalog.js';
import { TABLE_FIELDS, assembleTable, decodeTable, sortTables, type TableMembers } from './catalog.js';

type TableRow = RowOf<typeof TABLE_FIELDS>;

/** Analysed while empty (reltuples 0), commented. */
const PARENT: TableRow = ['16420', 'app', 'parent', 'r', 'p', '0', null, null, null, null, 'parent table', null, 'f', 'f'];
/** `partition by range (at)`, never analysed (reltuples -1). */
const EVENTS: TableRow = ['16465', 'app', 'events', 'p', 'p', '-1', 'RANGE (at)', null, null, null, null, null, 'f', 'f'];
const EVENTS_2024: TableRow = ['16470', 'app', 'events_2024', 'r', 'p', '-1', null, "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", 'app', 'events', null, null, 'f', 'f'];
const EVENTS_DEFAULT: TableRow = ['16477', 'app', 'events_def', 'r', 'p', '-1', null, 'DEFAULT', 'app', 'events', null, null, 'f', 'f'];
const LISTED: TableRow = ['16484', 'app', 'listed', 'p', 'p', '-1', 'LIST (k)', null, null, null, null, null, 'f', 'f'];
/** Two rows, analysed. */
const DUPES: TableRow = ['16607', 'app', 'dupes', 'r', 'p', '2', null, null, null, null, null, null, 'f', 'f'];
const SCRATCH: TableRow = ['16495', 'app', 'scratch', 'r', 'u', '-1', null, null, null, null, null, null, 'f', 'f'];
/** Inherits from two tables. */
const CHILD: TableRow = ['16499', 'app', 'child', 'r', 'p', '-1', null, null, null, null, null, '[["app", "parent"], ["Odd Schema", "Odd Table"]]', 'f', 'f'];
const ODD: TableRow = ['16498', 'Odd Schema', 'Odd Table', 'r', 'p', '-1', null, null, null, null, null, null, 'f', 'f'];

const EMPTY = { columns: [], indexes: [], constraints: [], triggers: [], policies: [] };

describe('decodeTable', () => {
  test('an ordinary table: analysed empty is 0 rows, with its comment', () => {
    expect(decodeTable(PARENT)).toEqual({
      schema: 'app',
      name: 'parent',
      kind: 'table',
      comment: 'parent table',
      rowEstimate: 0,
      partitionKey: null,
      partitionOf: null,
      unlogged: false,
      inherits: [],
      columns: [],
      indexes: [],
      constraints: [],
      triggers: [],
    });
  });

  test('row-level security: the flags only when on', () => {
    const on = [...SCRATCH] as unknown as (string | null)[];
    on[12] = 't';
    on[13] = 't';
    expect(decodeTable(on as unknown as TableRow)).toMatchObject({ rowSecurity: true, forceRowSecurity: true });
    expect('rowSecurity' in decodeTable(SCRATCH) || 'forceRowSecurity' in decodeTable(SCRATCH)).toBe(false);
  });

  test('an inheritance child: its parents in inhseqno order', () => {
    expect(decodeTable(CHILD).inherits).toEqual([
      { schema: 'app', table: 'parent' },
      { schema: 'Odd Schema', table: 'Odd Table' },
    ]);
  });

  test('never analysed (reltuples -1): no row estimate', () => {
    expect(decodeTable(SCRATCH).rowEstimate).toBeNull();
  });

  test('analysed with rows: the estimate', () => {
    expect(decodeTable(DUPES).rowEstimate).toBe(2);
  });

  test('partitioned parents carry their key; partitions their parent and bound (DEFAULT included)', () => {
    expect(decodeTable(EVENTS)).toMatchObject({ kind: 'partitioned_table', partitionKey: 'RANGE (at)', partitionOf: null });
    expect(decodeTable(LISTED)).toMatchObject({ kind: 'partitioned_table', partitionKey: 'LIST (k)' });
    expect(decodeTable(EVENTS_2024)).toMatchObject({
      kind: 'table',
      partitionKey: null,
      partitionOf: { schema: 'app', table: 'events', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
    });
    expect(decodeTable(EVENTS_DEFAULT).partitionOf).toEqual({ schema: 'app', table: 'events', bound: 'DEFAULT' });
  });

  test("relpersistence 'u' is unlogged", () => {
    expect(decodeTable(SCRATCH).unlogged).toBe(true);
    expect(decodeTable(PARENT).unlogged).toBe(false);
  });

  test('names that need quoting stay as the catalog holds them', () => {
    expect(decodeTable(ODD)).toMatchObject({ schema: 'Odd Schema', name: 'Odd Table' });
  });
});

describe('assembleTable', () => {
  const noCollations = new Map<string, string>();
  const keep = (text: string): string => text;
  test('columns by attnum, numbered from 1 without the gap a dropped column left; members sorted by name in code-unit order', () => {
    const members: TableMembers = { columns: [], indexes: [], constraints: [], triggers: [], policies: [] };
    // app.parent dropped its column 10; rows arrive in no particular order.
    members.columns[11] = decodeColumn(['16420', '11', 'Mixed Case', 'text', 'f', null, '', '', null, null, null, null], noCollations, keep);
    members.columns[1] = decodeColumn(['16420', '1', 'id', 'bigint', 't', null, '', 'a', null, null, null, null], noCollations, keep);
    members.columns[9] = decodeColumn(['16420', '9', 'total', 'numeric', 'f', '(price * (2)::numeric)', 's', '', null, null, null, null], noCollations, keep);
    members.triggers.push(
      decodeTrigger(
        ['16420', 'trg_touch', 'O', 'CREATE TRIGGER trg_touch BEFORE UPDATE ON app.parent FOR EACH ROW EXECUTE FUNCTION app.touch()', 'f', 'app', 'touch', null, null],
        'app',
        'parent',
      ),
      decodeTrigger(
        ['16420', 'Audit', 'O', 'CREATE TRIGGER "Audit" AFTER DELETE ON app.parent FOR EACH ROW EXECUTE FUNCTION app.touch()', 'f', 'app', 'touch', null, null],
        'app',
        'parent',
      ),
    );
    const table = assembleTable(decodeTable(PARENT), members);
    expect(table.columns.map((c) => [c.position, c.name])).toEqual([
      [1, 'id'],
      [2, 'total'],
      [3, 'Mixed Case'],
    ]);
    expect(table.triggers.map((t) => t.name)).toEqual(['Audit', 'trg_touch']);
    expect(table.indexes).toEqual([]);
  });
});

describe('sortTables', () => {
  test('by schema, then name, in code-unit order', () => {
    const tables = [PARENT, EVENTS_2024, ODD, EVENTS].map((row) => assembleTable(decodeTable(row), { ...EMPTY, columns: [] }));
    expect(sortTables(tables).map((t) => `${t.schema}.${t.name}`)).toEqual(['Odd Schema.Odd Table', 'app.events', 'app.events_2024', 'app.parent']);
  });
});
