/** The function kind's words: the Other Drift cells of its finding kinds, escaped. */
import { routine } from '../../../test/diff/builders.js';
import { routineAspects } from './shape.js';
import { FUNCTION_WORDS } from './words.js';

const base = { id: 'x', category: 'drift', severity: 'warning', object: { schema: 'public', function: 'f', arguments: '' }, message: '' } as const;

test('missing and unexpected: the kind, what it returns and its language, as code', () => {
  const f = routine('f', { returns: 'SETOF *rows*' });
  expect(FUNCTION_WORDS.missing_function.otherDriftCell({ ...base, kind: 'missing_function', expected: { ...f, description: null }, actual: null }, [])).toBe(
    'Function is missing; expected returns `SETOF *rows*`, language `sql`',
  );
  const p = routine('p', { kind: 'procedure', returns: null, language: 'plpgsql' });
  expect(FUNCTION_WORDS.unexpected_function.otherDriftCell({ ...base, kind: 'unexpected_function', expected: null, actual: p }, [])).toBe(
    'Procedure not in the expected schema; language `plpgsql`',
  );
});

test('a mismatch: each aspect, the database first; the body only named (it may be long), and text escaped', () => {
  const e = routine('f', { body: 'select 1', config: ['search_path=a_b, *x*'] });
  const a = routine('f', { body: 'select 2 | 3', volatility: 'stable', config: [] });
  const aspects = routineAspects(e, a);
  expect(aspects).toEqual(['body', 'volatility', 'config']);
  expect(FUNCTION_WORDS.function_definition_mismatch.otherDriftCell({ ...base, kind: 'function_definition_mismatch', expected: e, actual: a }, aspects)).toBe(
    'Function differs: the body differs; stable, expected volatile; SET (none), expected search_path=a_b, \\*x\\*',
  );
});

test('what the findings count: functions', () => {
  expect(FUNCTION_WORDS.function_definition_mismatch.subject).toEqual({ one: 'function', many: 'functions' });
});
