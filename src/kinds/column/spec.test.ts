import { col } from '../../../test/diff/builders.js';
import { meaningProblems } from '../../../test/spec-file/unit-helpers.js';
import { columnSpec, partitionColumnSpec } from './spec.js';

const problems = (columns: Record<string, unknown>): string[] => meaningProblems({ tables: { t: { columns } } } as never);

describe('columns: meaning', () => {
  test('identity needs an integer type and NOT NULL', () => {
    expect(problems({ a: { type: ' BigInt ', identity: 'always' }, b: { type: 'text', identity: 'always', nullable: true } })).toEqual([
      'tables.public.t.columns.b.identity: identity needs an integer type (smallint, integer or bigint), not text',
      'tables.public.t.columns.b.nullable: an identity column cannot be nullable',
    ]);
  });

  test('a long name; a qualified type of an owned schema must be defined', () => {
    const long = 'c'.repeat(64);
    expect(problems({ [long]: { type: 'public.nope' }, ok: { type: 'pg_catalog.int4' } })).toEqual([
      `tables.public.t.columns.${long}: column name is 64 bytes long; PostgreSQL truncates names to 63 bytes`,
      `tables.public.t.columns.${long}.type: unknown type public.nope: the spec defines no enum or domain of that name`,
    ]);
  });

  test('a column that is not a map is the structure pass’s', () => {
    expect(problems({ a: 'int' })).toEqual([]);
  });
});

describe('columns: from the model', () => {
  test('only what is not the default', () => {
    expect(columnSpec(col('a', 'integer'), 'integer')).toEqual({ type: 'integer' });
    expect(
      columnSpec(
        col('a', 'integer', { nullable: false, default: "(\n  1\n)", identity: 'by_default', generated: { expression: 'b\n + 1', kind: 'stored' }, collation: 'C', comment: 'x' }),
        'integer',
      ),
    ).toEqual({ type: 'integer', nullable: false, default: '(1)', identity: 'by default', generated: 'b + 1', collation: 'C', description: 'x' });
  });

  test('a partition’s column: only when its default, NOT NULL or comment is its own', () => {
    const parent = col('a', 'integer');
    expect(partitionColumnSpec(col('a', 'integer'), parent, 'integer')).toBeUndefined();
    expect(partitionColumnSpec(col('a', 'integer', { nullable: false }), parent, 'integer')).toEqual({ type: 'integer', nullable: false });
    expect(partitionColumnSpec(col('a', 'integer', { comment: 'c' }), parent, 'integer')).toEqual({ type: 'integer', description: 'c' });
    expect(partitionColumnSpec(col('a', 'integer', { nullable: false }), col('a', 'integer', { nullable: false }), 'integer')).toBeUndefined();
    expect(partitionColumnSpec(col('b', 'text', { collation: 'C' }), undefined, 'text')).toEqual({ type: 'text' });
  });
});
