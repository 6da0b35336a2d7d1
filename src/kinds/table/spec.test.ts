import { col, idx, pk, table, unique } from '../../../test/diff/builders.js';
import { meaningProblems, modelWith } from '../../../test/spec-file/unit-helpers.js';
import { fromModelContext } from '../../spec-file/model-to-spec.js';
import { TABLE_SPEC } from './spec.js';

const id = { id: { type: 'int' } };

describe('tables: meaning', () => {
  test('partitions: of a partitioned table of the spec, with only its parent’s columns', () => {
    expect(
      meaningProblems({
        tables: {
          events: { columns: id, partitionBy: 'RANGE (id)' },
          plain: { columns: id },
          e1: { partitionOf: { table: 'events', bound: 'DEFAULT' }, columns: { id: { type: 'int' }, extra: { type: 'int' } } },
          e2: { partitionOf: { table: 'plain', bound: 'DEFAULT' } },
          e3: { partitionOf: { table: 'nowhere', bound: 'DEFAULT' } },
          e4: { partitionOf: { table: 'a..b', bound: 'DEFAULT' } },
        },
      } as never),
    ).toEqual([
      "tables.public.e1.columns.extra: public.events has no column 'extra' (a partition has exactly its parent's columns)",
      'tables.public.e2.partitionOf.table: public.plain is not partitioned: give it a partitionBy',
      'tables.public.e3.partitionOf.table: partition of unknown table public.nowhere',
      'tables.public.e4.partitionOf.table: invalid table name: empty name part in "a..b"',
    ]);
  });

  test('partitions that form a cycle', () => {
    const tables = {
      a: { partitionOf: { table: 'b', bound: 'DEFAULT' }, partitionBy: 'LIST (id)', columns: id },
      b: { partitionOf: { table: 'a', bound: 'DEFAULT' }, partitionBy: 'LIST (id)', columns: id },
    };
    expect(meaningProblems({ tables } as never)).toEqual([
      'tables.public.a.partitionOf.table: partitions form a cycle (public.a → public.b)',
      'tables.public.b.partitionOf.table: partitions form a cycle (public.b → public.a)',
    ]);
  });

  test('a partition’s members may name its parent’s columns', () => {
    const tables = {
      events: { columns: id, partitionBy: 'RANGE (id)' },
      e1: { partitionOf: { table: 'events', bound: 'DEFAULT' }, primaryKey: ['id'], indexes: { e1_idx: { columns: ['id'] } } },
    };
    expect(meaningProblems({ tables } as never)).toEqual([]);
  });

  test('a table is a type and a relation; its indexes are relations', () => {
    expect(
      meaningProblems({
        enums: { leads: { values: ['a'] } },
        sequences: { leads_idx: {} },
        tables: { leads: { columns: id, indexes: { leads_idx: { columns: ['id'] } } } },
      }),
    ).toEqual([
      'tables.public.leads: table public.leads has the same name as the enum at spec.yaml:1 (a table is also a type: enums, domains and tables share one namespace per schema)',
      'sequences.public.leads_idx: sequence public.leads_idx has the same name as the index at spec.yaml:1 (tables, sequences and indexes share one namespace per schema)',
    ]);
  });

  test('checks run tables first, then the other sections (the order of problems on one line)', () => {
    const long = 'n'.repeat(64);
    expect(meaningProblems({ enums: { [long]: { values: ['a'] } }, tables: { [long]: { columns: id } } }).map((p) => p.split(':')[0])).toEqual([
      `tables.public.${long}`,
      `enums.public.${long}`,
      `tables.public.${long}`,
    ]);
  });
});

describe('tables: loading and layout', () => {
  test('a partition without columns is loaded with none', () => {
    expect(TABLE_SPEC.asLoaded?.({ partitionOf: { table: 'e', bound: 'DEFAULT' } })).toEqual({ partitionOf: { table: 'e', bound: 'DEFAULT' }, columns: {} });
    expect(TABLE_SPEC.asLoaded?.('x')).toBe('x');
  });

  test('one line per column, key, constraint and index; a blank line between tables', () => {
    const layout = TABLE_SPEC.layout({
      t: { columns: { a: { type: 'int' } }, unique: [{ columns: ['a'] }], checks: [{ expression: 'a > 0' }], indexes: { i: { columns: ['a'] } } },
    });
    expect(layout).toEqual({
      flow: [['t', 'partitionOf'], ['t', 'inherits'], ['t', 'columns', 'a'], ['t', 'primaryKey'], ['t', 'unique', 0], ['t', 'checks', 0], ['t', 'indexes', 'i']],
      spaced: true,
    });
  });
});

describe('tables: from the model', () => {
  test('what the table is first, then its columns, constraints and indexes', () => {
    const t = table('events', {
      comment: 'what happened',
      partitionKey: 'RANGE (id)',
      unlogged: true,
      columns: [col('id', 'integer', { nullable: false }), col('at', 'timestamptz', { comment: 'when' })],
      constraints: [pk('events_pkey', ['id']), unique('events_at_key', ['at'])],
      indexes: [
        idx('events', 'events_pkey', ['id'], { unique: true, primary: true, constraint: 'events_pkey' }),
        idx('events', 'events_at_key', ['at'], { unique: true, constraint: 'events_at_key' }),
        idx('events', 'events_at_idx', ['at']),
      ],
    });
    const written = TABLE_SPEC.fromModel(fromModelContext(modelWith({ tables: [t] })));
    expect(JSON.stringify(written)).toBe(
      JSON.stringify({
        events: {
          description: 'what happened',
          partitionBy: 'RANGE (id)',
          unlogged: true,
          columns: { id: { type: 'integer', nullable: false }, at: { type: 'timestamptz', unique: true, description: 'when' } },
          primaryKey: ['id'],
          indexes: { events_at_idx: { columns: ['at'] } },
        },
      }),
    );
  });

  test('a partition lists only what it does not get from its parent', () => {
    const events = table('events', {
      partitionKey: 'RANGE (id)',
      columns: [col('id', 'integer', { nullable: false }), col('v', 'text')],
      constraints: [pk('events_pkey', ['id'])],
    });
    const e1 = table('e1', {
      partitionOf: { schema: 'public', table: 'events', bound: 'DEFAULT' },
      columns: [col('id', 'integer', { nullable: false }), col('v', 'text', { default: "'x'::text" })],
      constraints: [pk('e1_pkey', ['id'])],
    });
    const written = TABLE_SPEC.fromModel(fromModelContext(modelWith({ tables: [events, e1] })));
    expect(written?.e1).toEqual({ partitionOf: { table: 'events', bound: 'DEFAULT' }, columns: { v: { type: 'text', default: "'x'::text" } } });
  });
});
