import { check, col, exclusion, fk, pk, table, unique } from '../../../test/diff/builders.js';
import { meaningProblems } from '../../../test/spec-file/unit-helpers.js';
import type { Table } from '../table/model.js';
import { constraintsSpec, type ConstraintNaming, type ShorthandColumn } from './spec-from-model.js';

const clients = { columns: { id: { type: 'int' }, code: { type: 'text' } }, primaryKey: ['id'] };
const problems = (leads: Record<string, unknown>, more: Record<string, unknown> = {}): string[] =>
  meaningProblems({ tables: { clients, leads: { columns: { a: { type: 'int' }, b: { type: 'int' } }, ...leads }, ...more } } as never);

describe('constraints: meaning', () => {
  test('column lists name columns of the table', () => {
    expect(problems({ primaryKey: ['a', 'x'], unique: [{ columns: ['y'] }], foreignKeys: [{ columns: ['z'], references: { table: 'clients' } }] })).toEqual([
      "tables.public.leads.primaryKey.1: public.leads has no column 'x'",
      "tables.public.leads.unique.0.columns.0: public.leads has no column 'y'",
      "tables.public.leads.foreignKeys.0.columns.0: public.leads has no column 'z'",
    ]);
    expect(problems({ primaryKey: { name: 'pk', columns: ['q'] } })).toEqual(["tables.public.leads.primaryKey.columns.0: public.leads has no column 'q'"]);
  });

  test.each([
    [{ table: 'clients' }, []],
    [{ table: 'clients', column: 'code' }, []],
    [{ table: 'clients', column: 'nope' }, ["references.column: public.clients has no column 'nope'"]],
    [{ table: 'clients', columns: ['id', 'code'] }, ["references.columns: a column references one column, not 2 (use the table's foreignKeys)"]],
    [{ table: 'clients', columns: ['zz'] }, ["references.columns.0: public.clients has no column 'zz'"]],
    [{ table: 'nowhere' }, ['references.table: references unknown table public.nowhere']],
    [{ table: 'elsewhere.clients' }, []],
    [{ table: 'a..b' }, ['references.table: invalid table name: empty name part in "a..b"']],
    [{ table: 'leads' }, ['references.table: public.leads has no primary key: name the referenced column']],
  ])('a column’s references %j', (references, messages) => {
    const found = meaningProblems({ tables: { clients, leads: { columns: { a: { type: 'int', references } } } } } as never);
    expect(found).toEqual(messages.map((m) => `tables.public.leads.columns.a.${m}`));
  });

  test('a foreign key references as many columns as it has', () => {
    expect(problems({ foreignKeys: [{ columns: ['a', 'b'], references: { table: 'clients' } }] })).toEqual([
      'tables.public.leads.foreignKeys.0.references: 2 columns cannot reference 1 (id)',
    ]);
    expect(problems({ foreignKeys: [{ columns: ['a', 'b'], references: { table: 'leads' } }] })).toEqual([
      'tables.public.leads.foreignKeys.0.references.table: public.leads has no primary key: name the referenced columns',
    ]);
  });
});

describe('constraints: from the model', () => {
  const naming = (tables: Table[], taken: string[] = []): ConstraintNaming => ({
    isDefaultName: (_schema, name, expected) => name === expected && !taken.includes(name),
    findTable: (schema, name) => tables.find((t) => t.schema === schema && t.name === name),
  });

  test('default names left out; one-column constraints as shorthands, once per column', () => {
    const refs = table('refs', { columns: [col('id')], constraints: [pk('refs_pkey', ['id'])] });
    const t = table('t', {
      columns: [col('a'), col('b')],
      constraints: [
        pk('t_pkey', ['a']),
        unique('t_a_key', ['a']),
        unique('t_a_key1', ['a']),
        unique('t_a_b_key', ['a', 'b'], { deferrable: true, initiallyDeferred: true }),
        check('t_a_check', 'a > 0', ['a']),
        check('t_check', 'a > b', ['a', 'b']),
        check('named', 'b > 0', ['b'], { noInherit: true }),
        fk('t_b_fkey', ['b'], { table: 'refs', columns: ['id'] }, { onDelete: 'SET NULL', match: 'FULL' }),
        exclusion('t_excl', 'EXCLUDE USING gist (a WITH =)', ['a']),
      ],
    });
    const columns: Record<string, ShorthandColumn> = { a: {}, b: {} };
    const own = t.constraints;
    expect(constraintsSpec(naming([refs, t]), { table: t, own, columns, isPartition: false })).toEqual({
      primaryKey: ['a'],
      unique: [
        { name: 't_a_key1', columns: ['a'] },
        { columns: ['a', 'b'], deferrable: true, initiallyDeferred: true },
      ],
      checks: [{ expression: 'a > b' }, { name: 'named', expression: 'b > 0', noInherit: true }],
      exclusions: { t_excl: 'EXCLUDE USING gist (a WITH =)' },
    });
    expect(columns).toEqual({ a: { unique: true, check: 'a > 0' }, b: { references: { table: 'refs', onDelete: 'set null', match: 'full' } } });
  });

  test('names taken elsewhere are written; a partition gets no shorthands', () => {
    const t = table('t', { columns: [col('a')], constraints: [pk('t_pkey', ['a']), unique('t_a_key', ['a'])] });
    const columns: Record<string, ShorthandColumn> = { a: {} };
    expect(constraintsSpec(naming([t], ['t_pkey']), { table: t, own: t.constraints, columns, isPartition: true })).toEqual({
      primaryKey: { name: 't_pkey', columns: ['a'] },
      unique: [{ columns: ['a'] }],
    });
    expect(columns).toEqual({ a: {} });
  });

  test('a reference names its columns when they are not the referenced primary key; outside public, qualified', () => {
    const other = table('other', { schema: 'app', columns: [col('id'), col('code')], constraints: [pk('other_pkey', ['id'])] });
    const t = table('t', { schema: 'app', columns: [col('c'), col('d')], constraints: [fk('t_c_d_fkey', ['c', 'd'], { schema: 'app', table: 'other', columns: ['code', 'id'] })] });
    expect(constraintsSpec(naming([other, t]), { table: t, own: t.constraints, columns: { c: {}, d: {} }, isPartition: false })).toEqual({
      foreignKeys: [{ columns: ['c', 'd'], references: { table: 'app.other', columns: ['code', 'id'] } }],
    });
  });
});
