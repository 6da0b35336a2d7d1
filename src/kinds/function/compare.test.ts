import { routine } from '../../../test/diff/builders.js';
import { compareRoutines } from './compare.js';

const add = (over = {}) => routine('add', { signature: 'integer, integer', arguments: 'a integer, b integer', argumentList: 'a integer, b integer', ...over });

describe('compareRoutines', () => {
  test('missing and unexpected, by schema, name and signature; the object names the overload', () => {
    const c = compareRoutines([add(), routine('gone')], [add(), routine('extra', { schema: 'app' })]);
    expect(c.findings.map((f) => [f.kind, f.object, f.message])).toEqual([
      ['missing_function', { schema: 'public', function: 'gone', arguments: '' }, 'function public.gone() is missing (expected returns integer, language sql)'],
      [
        'unexpected_function',
        { schema: 'app', function: 'extra', arguments: '' },
        'function app.extra() is not in the expected schema (returns integer, language sql)',
      ],
    ]);
    expect(c.present).toEqual([{ kind: 'function', object: { schema: 'public', function: 'add', arguments: 'integer, integer' }, identical: true }]);
  });

  test('overloads are distinct objects: another argument type is another function', () => {
    const c = compareRoutines([add()], [add({ signature: 'bigint, bigint', arguments: 'a bigint, b bigint', argumentList: 'a bigint, b bigint' })]);
    expect(c.findings.map((f) => f.kind)).toEqual(['missing_function', 'unexpected_function']);
  });

  test('renamed arguments and defaults are the same function, defined otherwise', () => {
    const c = compareRoutines([add()], [add({ arguments: 'x integer, y integer', argumentList: 'x integer, y integer DEFAULT 1' })]);
    expect(c.findings).toEqual([
      expect.objectContaining({
        kind: 'function_definition_mismatch',
        message: 'function public.add(integer, integer) differs: arguments (x integer, y integer DEFAULT 1), expected (a integer, b integer)',
      }),
    ]);
  });

  test('every aspect of the definition, each in words (the database first)', () => {
    const e = add({ body: 'select a + b', volatility: 'immutable', config: ['search_path=pg_catalog'], parallel: 'safe', cost: 1 });
    const a = add({
      body: 'select a - b',
      volatility: 'stable',
      strict: true,
      securityDefiner: true,
      leakproof: true,
      parallel: 'unsafe',
      cost: 5,
      config: [],
      language: 'plpgsql',
      returns: 'bigint',
    });
    const [f] = compareRoutines([e], [a]).findings;
    expect(f?.message).toBe(
      'function public.add(integer, integer) differs: returns bigint, expected integer; language plpgsql, expected sql; body differs; stable, expected immutable; ' +
        'strict, expected not; security definer, expected security invoker; leakproof, expected not; parallel unsafe, expected parallel safe; ' +
        'cost 5, expected 1; SET (none), expected search_path=pg_catalog',
    );
  });

  test('a SQL-standard body never equals a string body of the same text', () => {
    const c = compareRoutines([add({ body: null, sqlBody: 'RETURN (a + b)' })], [add({ body: 'RETURN (a + b)' })]);
    expect(c.findings.map((f) => f.message)).toEqual(['function public.add(integer, integer) differs: body differs']);
  });

  test('the comment is not compared here (the comment kind compares comments); the description is passed on', () => {
    const c = compareRoutines([add({ comment: 'sum' })], [add({ comment: 'other' })]);
    expect(c.findings).toEqual([]);
    expect(c.present[0]).toMatchObject({ description: 'sum', identical: true });
  });

  test('procedures and aggregates: their kind word, and an aggregate compared by its options', () => {
    const agg = routine('total', { kind: 'aggregate', signature: 'integer', aggregate: 'SFUNC = int4pl, STYPE = integer' });
    const c = compareRoutines([agg, routine('p', { kind: 'procedure', returns: null })], [{ ...agg, aggregate: 'SFUNC = int4mul, STYPE = integer' }]);
    expect(c.findings.map((f) => f.message)).toEqual([
      'procedure public.p() is missing (expected language sql)',
      'aggregate public.total(integer) differs: aggregate differs',
    ]);
  });
});
