import { col, exprKey, idx, key, table } from '../../../test/diff/builders.js';
import { meaningProblems } from '../../../test/spec-file/unit-helpers.js';
import { indexSpec, sameIndexStructure } from './spec.js';

const problems = (indexes: Record<string, unknown>): string[] =>
  meaningProblems({ tables: { 'app.leads': { columns: { id: { type: 'int' }, 'Email Address': { type: 'text' } }, indexes } } } as never);

describe('indexes: meaning', () => {
  test.each([
    ['CREATE INDEX i ON app.leads (id)', []],
    ['create unique index concurrently if not exists i on only leads (id)', []],
    ['CREATE INDEX ON leads (id)', ['the statement does not name the index; name it i']],
    ['CREATE INDEX j ON leads (id)', ['the statement creates index j, not i']],
    ['CREATE INDEX i ON other (id)', ['the statement creates the index on other, not on app.leads']],
    ['DROP INDEX i', ['expected a CREATE INDEX statement (CREATE [UNIQUE] INDEX name ON table ...)']],
  ])('a statement: %s', (sql, messages) => {
    expect(problems({ i: sql })).toEqual(messages.map((m) => `tables.app.leads.indexes.i: ${m}`));
    expect(problems({ i: { sql } })).toEqual(messages.map((m) => `tables.app.leads.indexes.i.sql: ${m}`));
  });

  test('an unquoted name folds to lower case: the hint says to quote it', () => {
    expect(problems({ Idx: 'CREATE INDEX Idx ON leads (id)' })).toEqual([
      'tables.app.leads.indexes.Idx: the statement creates index idx, not "Idx" (PostgreSQL folds unquoted names to lower case: quote it)',
    ]);
  });

  test('key and INCLUDE columns are columns of the table; other keys are expressions', () => {
    expect(
      problems({
        i: { columns: ['id', 'nope', '"Email Address"', '"Gone"', 'lower(email)', { column: 'missing' }, { expression: 'x + 1' }], include: ['absent'] },
      }),
    ).toEqual([
      "tables.app.leads.indexes.i.columns.1: app.leads has no column 'nope'",
      "tables.app.leads.indexes.i.columns.3: app.leads has no column 'Gone'",
      "tables.app.leads.indexes.i.columns.5.column: app.leads has no column 'missing'",
      "tables.app.leads.indexes.i.include.0: app.leads has no column 'absent'",
    ]);
  });

  test('a long name', () => {
    const long = 'i'.repeat(64);
    expect(problems({ [long]: { columns: ['id'] } })).toEqual([
      `tables.app.leads.indexes.${long}: index name is 64 bytes long; PostgreSQL truncates names to 63 bytes`,
    ]);
  });
});

describe('indexes: from the model', () => {
  const t = table('t', { columns: [col('a'), col('b'), col('lower(a)')] });

  test('structural: plain keys as names or expressions, options only when not the default', () => {
    const index = idx('t', 'i', [key('a'), key('b', { order: 'desc', nulls: 'last', opclass: 'text_pattern_ops' }), exprKey('lower(a)'), exprKey('upper(\n  b)')], {
      unique: true,
      method: 'hash',
      include: ['a'],
      nullsNotDistinct: true,
      where: 'a IS NOT NULL',
      comment: 'why',
    });
    expect(indexSpec(t, index)).toEqual({
      columns: ['a', { column: 'b', order: 'desc', nulls: 'last', opclass: 'text_pattern_ops' }, { expression: 'lower(a)' }, 'upper(b)'],
      unique: true,
      method: 'hash',
      include: ['a'],
      nullsNotDistinct: true,
      where: 'a IS NOT NULL',
      description: 'why',
    });
  });

  test('the statement when the structure cannot say it all (storage parameters, ON ONLY made ON)', () => {
    const index = idx('t', 'i', ['a'], { definition: 'CREATE INDEX i ON ONLY public.t USING btree (a) WITH (fillfactor=70)', comment: 'c' });
    expect(indexSpec(t, index)).toEqual({ sql: 'CREATE INDEX i ON public.t USING btree (a) WITH (fillfactor=70)', description: 'c' });
  });

  test('alike but for the name', () => {
    expect(sameIndexStructure(idx('t', 'a', ['a']), idx('t', 'b', ['a']))).toBe(true);
    expect(sameIndexStructure(idx('t', 'a', ['a']), idx('t', 'a', ['b']))).toBe(false);
  });
});
