import { routine } from '../../../test/diff/builders.js';
import { meaningProblems, modelWith } from '../../../test/spec-file/unit-helpers.js';
import { inMemorySpec } from '../../spec-file/in-memory-spec.js';
import { fromModelContext } from '../../spec-file/model-to-spec.js';
import { sqlFragmentChecker, type SqlFragmentChecker } from '../../spec-file/expressions.js';
import { specToDdl } from '../../spec-file/spec-to-ddl.js';
import { argumentTypesOnly, splitArguments } from './ddl.js';
import { FUNCTION_SPEC } from './spec.js';

describe('functions: meaning', () => {
  test('a function needs its result, language and body; a procedure returns nothing; an aggregate needs its options', () => {
    expect(
      meaningProblems({
        functions: {
          f: {},
          p: { kind: 'procedure', returns: 'integer', language: 'sql', body: 'select 1' },
          a: { kind: 'aggregate' },
          ok: [{ returns: 'integer', language: 'sql', body: 'select 1' }, { arguments: 'n integer', returns: 'integer', language: 'sql', sqlBody: 'RETURN n', cost: 0 }],
        },
      }),
    ).toEqual([
      'functions.public.f: a function needs its result type (returns:)',
      'functions.public.f: a routine needs its language (language: sql, plpgsql, ...)',
      'functions.public.f: a routine needs a body (body:, or sqlBody:)',
      'functions.public.p.returns: a procedure returns nothing: leave returns out',
      'functions.public.a: an aggregate needs its options (aggregate: SFUNC = ..., STYPE = ...)',
      'functions.public.ok.1.cost: cost must be a number above 0',
    ]);
  });
});

describe('functions: SQL fragments are each exactly what they stand for', () => {
  let checker: SqlFragmentChecker;
  beforeAll(async () => {
    checker = await sqlFragmentChecker();
  });

  test.each([
    ['functionArguments', "a integer, b text DEFAULT 'x;y'"],
    ['functionArguments', 'VARIADIC parts text[]'],
    ['functionArguments', 'double precision ORDER BY anyelement'],
    ['functionArguments', ''],
    ['functionReturns', 'SETOF film'],
    ['functionReturns', 'TABLE(k integer, v text)'],
    ['functionSqlBody', 'RETURN (a + b)'],
    ['functionSqlBody', 'BEGIN ATOMIC\n SELECT 1;\n SELECT 2;\nEND'],
    ['aggregateOptions', "SFUNC = int4pl, STYPE = integer, INITCOND = '0'"],
  ] as const)('%s accepts %j', (kind, text) => {
    expect(checker.check(kind, text)).toBeNull();
  });

  test.each([
    ['functionArguments', "a integer) RETURNS int LANGUAGE sql AS 'select 1'; DROP TABLE t; CREATE FUNCTION g(b int"],
    ['functionArguments', 'a integer -- b'],
    ['functionReturns', 'integer LANGUAGE plpgsql'],
    ['functionReturns', "int AS 'x'; DROP TABLE t"],
    ['functionSqlBody', 'RETURN 1; DROP TABLE t'],
    ['functionSqlBody', 'BEGIN ATOMIC SELECT 1; END; DROP TABLE t'],
    ['functionSqlBody', 'RETURN 1 /* x */'],
    ['functionSqlBody', "SET search_path = x RETURN 1"],
    ['functionSqlBody', 'RETURN 1;'],
    ['aggregateOptions', 'SFUNC = f, STYPE = int); DROP TABLE t; SELECT (1'],
  ] as const)('%s refuses %j', (kind, text) => {
    expect(checker.check(kind, text)).toMatch(/^must be /);
  });
});

describe('functions: DDL', () => {
  test('argument lists without their defaults, for COMMENT ON', () => {
    expect(argumentTypesOnly("a integer, b text DEFAULT 'x, y', c numeric(10,2) = 1.5")).toBe('a integer, b text, c numeric(10,2)');
    expect(splitArguments("OUT x integer, \"default\" text DEFAULT ''")).toEqual([
      { head: 'OUT x integer', hasDefault: false },
      { head: '"default" text', hasDefault: true },
    ]);
    expect(argumentTypesOnly('')).toBe('');
  });

  test('created before the tables, unless the signature names a table or the body is SQL-standard; comments after', () => {
    const spec = inMemorySpec({
      tables: { film: { columns: { id: { type: 'integer' } } } },
      functions: {
        early: { returns: 'integer', language: 'sql', body: 'select 1', description: 'first' },
        late: [
          { arguments: 'f film', returns: 'integer', language: 'sql', body: 'select 1' },
          { arguments: 'n integer', returns: 'integer', language: 'sql', sqlBody: 'RETURN n' },
        ],
      },
    });
    const sql = specToDdl(spec).map((s) => s.sql.split('\n')[0]);
    expect(sql).toEqual([
      'CREATE FUNCTION public.early()',
      'CREATE TABLE public.film (',
      'CREATE FUNCTION public.late(f film)',
      'CREATE FUNCTION public.late(n integer)',
      "COMMENT ON FUNCTION public.early() IS 'first'",
    ]);
  });
});

test('a schema only a function names is created first', () => {
  const sql = specToDdl(inMemorySpec({ functions: { 'util.one': { returns: 'integer', language: 'sql', body: 'select 1' } } })).map((s) => s.sql.split('\n')[0]);
  expect(sql).toEqual(['CREATE SCHEMA IF NOT EXISTS util', 'CREATE FUNCTION util.one()']);
});

describe('functions: from the model', () => {
  test('defaults left out; overloads as a list; SET options by variable; keys qualified outside public', () => {
    const m = modelWith({
      functions: [
        routine('f', { signature: 'integer', argumentList: 'n integer', volatility: 'stable', config: ['search_path=app, pg_temp'], comment: 'doc' }),
        routine('f', { signature: 'text', argumentList: 't text', returns: 'SETOF text', rows: 1000 }),
        routine('p', { schema: 'app', kind: 'procedure', returns: null, language: 'plpgsql', body: 'begin end', securityDefiner: true }),
      ],
    });
    expect(FUNCTION_SPEC.fromModel(fromModelContext(m))).toEqual({
      f: [
        { arguments: 'n integer', returns: 'integer', language: 'sql', body: 'select 1', volatility: 'stable', set: { search_path: 'app, pg_temp' }, description: 'doc' },
        { arguments: 't text', returns: 'SETOF text', language: 'sql', body: 'select 1' },
      ],
      'app.p': { kind: 'procedure', language: 'plpgsql', body: 'begin end', securityDefiner: true },
    });
  });
});
