/**
 * The assembler's cross-kind resolution, fed rows captured from PostgreSQL 17
 * with the schema filter `app` (so other.ref is outside the scope), in the
 * introspector's order, without a database.
 */
import type { AssemblyStep } from './kind-catalog.js';
import { CatalogAssembler } from './catalog-assembler.js';
import type { TextRow } from './stream-rows.js';

const ROWS: { readonly [S in AssemblyStep]: readonly TextRow[] } = {
  table: [
    ['16452', 'app', 'child', 'r', 'p', '-1', null, null, null, null, null, null, 'f', 'f'],
    ['16420', 'app', 'parent', 'r', 'p', '0', null, null, null, null, 'parent table', null, 't', 'f'],
    ['16732', 'app', 'nnd', 'r', 'p', '-1', null, null, null, null, null, null, 'f', 'f'],
  ],
  column: [
    ['16420', '1', 'id', 'bigint', 't', null, '', 'a', null, null, null],
    ['16420', '3', 'code', 'text', 't', null, '', '', '950', '950', 'the code'],
    ['16420', '4', 'label', 'text', 'f', null, '', '', '16397', '16397', null],
    ['16420', '15', 'ref_code', 'text', 'f', null, '', '', null, null, null],
    ['16420', '13', 'r', 'tsrange', 'f', null, '', '', null, null, null],
    ['16452', '1', 'id', 'integer', 't', null, '', '', null, null, null],
    ['16452', '2', 'parent_id', 'bigint', 'f', null, '', '', null, null, null],
    ['16732', '1', 'a', 'integer', 'f', null, '', '', null, null, null],
    ['16732', '2', 'b', 'integer', 'f', null, '', '', null, null, null],
    // A table the table rows did not list (outside the scope): ignored.
    ['16407', '1', 'id', 'integer', 't', null, '', '', null, null, null],
  ],
  indexExpression: [
    ['16448', '1', 'lower(code)'],
    ['16448', '2', 'upper(label)'],
  ],
  index: [
    ['16420', '16432', 'parent_pkey', 'btree', 't', 't', 't', 'f', '1', '1', '0', '3124', '0', null, null, 'CREATE UNIQUE INDEX parent_pkey ON app.parent USING btree (id)', null],
    ['16420', '16434', 'ex_r', 'gist', 'f', 'f', 't', 'f', '1', '13', '0', '10078', '0', null, null, 'CREATE INDEX ex_r ON app.parent USING gist (r)', null],
    [
      '16420',
      '16448',
      'parent_code_lower',
      'btree',
      't',
      'f',
      't',
      'f',
      '4',
      '0 0 3 4 8',
      '0 0 1 2',
      '4217 3126 3126 3126',
      '950 16397 950 950',
      'price > 0::numeric',
      'lower(code)',
      'CREATE UNIQUE INDEX parent_code_lower ON app.parent USING btree (lower(code) text_pattern_ops, upper(label), code DESC NULLS LAST, label COLLATE "C" NULLS FIRST) INCLUDE (price) WHERE (price > (0)::numeric)',
      null,
    ],
    ['16452', '16455', 'child_pkey', 'btree', 't', 't', 't', 'f', '1', '1', '0', '1978', '0', null, null, 'CREATE UNIQUE INDEX child_pkey ON app.child USING btree (id)', null],
    ['16732', '16735', 'nnd_u', 'btree', 't', 'f', 't', 't', '2', '1 2', '0 0', '1978 1978', '0 0', null, null, 'CREATE UNIQUE INDEX nnd_u ON app.nnd USING btree (a, b) NULLS NOT DISTINCT', null],
  ],
  referencedColumn: [
    ['16407', 'other', 'ref', '1', 'id'],
    ['16407', 'other', 'ref', '2', 'code'],
  ],
  constraint: [
    ['16420', 'parent_pkey', 'p', 'f', 'f', 't', 't', '{1}', '0', null, ' ', ' ', ' ', '16432', 'PRIMARY KEY (id)', null],
    ['16420', 'ex_r', 'x', 't', 't', 't', 't', '{13}', '0', null, ' ', ' ', ' ', '16434', 'EXCLUDE USING gist (r WITH &&) DEFERRABLE INITIALLY DEFERRED', null],
    ['16420', 'fk_code', 'f', 'f', 'f', 'f', 't', '{15}', '16407', '{2}', 'a', 'a', 'f', null, 'FOREIGN KEY (ref_code) REFERENCES other.ref(code) MATCH FULL NOT VALID', null],
    ['16452', 'child_pkey', 'p', 't', 'f', 't', 't', '{1}', '0', null, ' ', ' ', ' ', '16455', 'PRIMARY KEY (id) DEFERRABLE', null],
    ['16452', 'child_parent_id_fkey', 'f', 'f', 'f', 't', 't', '{2}', '16420', '{1}', 'a', 'c', 's', null, 'FOREIGN KEY (parent_id) REFERENCES app.parent(id) ON DELETE CASCADE', null],
    ['16732', 'nnd_u', 'u', 'f', 'f', 't', 't', '{1,2}', '0', null, ' ', ' ', ' ', '16735', 'UNIQUE NULLS NOT DISTINCT (a, b)', null],
  ],
  trigger: [
    ['16420', 'trg_touch', 'O', 'CREATE TRIGGER trg_touch BEFORE UPDATE ON app.parent FOR EACH ROW EXECUTE FUNCTION app.touch()'],
    ['16420', 'Audit', 'O', 'CREATE TRIGGER "Audit" AFTER DELETE ON app.parent FOR EACH ROW EXECUTE FUNCTION app.touch()'],
  ],
  policy: [
    ['16420', 'tenant', '*', 't', '["public"]', "(code = current_setting('app.code'::text))", null, null],
    ['16420', 'Readers', 'r', 'f', '["app_user", "Auditor"]', 'true', null, 'read only'],
  ],
};

/** The assembler after every step's rows, in the introspector's order (lookups before the columns). */
function assembled(): CatalogAssembler {
  const assembler = new CatalogAssembler();
  const feed = (step: AssemblyStep): void => ROWS[step].forEach(assembler.steps[step].onRow);
  feed('table');
  assembler.lookups(
    [{ oid: '4217', name: 'text_pattern_ops' }],
    [
      { oid: '100', name: 'default' },
      { oid: '950', name: 'C' },
      { oid: '16397', name: 'app.ci' },
    ],
  );
  for (const step of ['column', 'indexExpression', 'index', 'referencedColumn', 'constraint', 'trigger', 'policy'] as const) feed(step);
  return assembler;
}

describe('CatalogAssembler', () => {
  const tables = assembled().tables();
  const table = (name: string) => tables.find((t) => t.name === name)!;

  test('tables sorted by name, with their own members only (rows of tables not read are dropped)', () => {
    expect(tables.map((t) => t.name)).toEqual(['child', 'nnd', 'parent']);
    expect(table('parent').columns.map((c) => [c.position, c.name, c.collation])).toEqual([
      [1, 'id', null],
      [2, 'code', 'C'],
      [3, 'label', 'app.ci'],
      [4, 'r', null],
      [5, 'ref_code', null],
    ]);
    expect(table('parent').triggers.map((t) => t.name)).toEqual(['Audit', 'trg_touch']);
  });

  test('row-level security: the flags only when on, policies by name (roles sorted, PUBLIC as public), none on a table without', () => {
    expect(table('parent')).toMatchObject({ rowSecurity: true });
    expect(table('parent').forceRowSecurity).toBeUndefined();
    expect(table('parent').policies).toEqual([
      { name: 'Readers', command: 'select', permissive: false, roles: ['Auditor', 'app_user'], using: 'true', check: null, comment: 'read only' },
      { name: 'tenant', command: 'all', permissive: true, roles: ['public'], using: "(code = current_setting('app.code'::text))", check: null, comment: null },
    ]);
    expect('rowSecurity' in table('child') || 'policies' in table('child')).toBe(false);
  });

  test('index keys: columns by attnum, expression texts by position, key collations against the column’s own, operator classes', () => {
    const index = table('parent').indexes.find((i) => i.name === 'parent_code_lower')!;
    expect(index.keys.map((k) => [k.column ?? k.expression, k.opclass, k.collation])).toEqual([
      ['lower(code)', 'text_pattern_ops', 'C'],
      ['upper(label)', null, 'app.ci'],
      ['code', null, null],
      ['label', null, 'C'],
    ]);
    // price (attnum 8) has no column row here: the attnum stands in.
    expect(index.include).toEqual(['8']);
  });

  test('each index knows the constraint it implements', () => {
    expect(table('parent').indexes.map((i) => [i.name, i.constraint])).toEqual([
      ['ex_r', 'ex_r'],
      ['parent_code_lower', null],
      ['parent_pkey', 'parent_pkey'],
    ]);
    expect(table('child').indexes[0]!.constraint).toBe('child_pkey');
  });

  test('foreign keys name their referenced table and columns, in scope (its rows) or outside it (the referenced-column rows)', () => {
    const references = (t: string, name: string) => {
      const c = table(t).constraints.find((x) => x.name === name)!;
      return c.kind === 'foreign_key' ? c.references : null;
    };
    expect(references('child', 'child_parent_id_fkey')).toEqual({ schema: 'app', table: 'parent', columns: ['id'] });
    expect(references('parent', 'fk_code')).toEqual({ schema: 'other', table: 'ref', columns: ['code'] });
  });

  test('a unique constraint takes NULLS NOT DISTINCT from its index', () => {
    expect(table('nnd').constraints[0]).toMatchObject({ kind: 'unique', nullsNotDistinct: true });
  });

  test('index usage: indexes named from their rows by OID, sorted; OIDs not read are dropped', () => {
    const assembler = assembled();
    const usage = assembler.indexUsage({
      track_counts: true,
      stats_reset: null,
      server_start: '2026-01-01T00:00:00.000Z',
      index_oids: '16455 16432 99999',
      scans: '7 0 3',
    });
    expect(usage).toEqual({
      since: '2026-01-01T00:00:00.000Z',
      sinceKind: 'server_start',
      indexes: [
        { schema: 'app', table: 'child', index: 'child_pkey', scans: 7 },
        { schema: 'app', table: 'parent', index: 'parent_pkey', scans: 0 },
      ],
    });
    expect(assembler.indexUsage({ track_counts: false, stats_reset: null, server_start: '', index_oids: '', scans: '' })).toBeUndefined();
    expect(assembler.indexUsage({ track_counts: true, stats_reset: '2026-01-02T00:00:00.000Z', server_start: '', index_oids: '', scans: '' })).toEqual({
      since: '2026-01-02T00:00:00.000Z',
      sinceKind: 'stats_reset',
      indexes: [],
    });
  });
});
