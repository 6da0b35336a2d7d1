/** Reading pg_get_triggerdef's text into parts, to name what differs. */
import { trig } from '../../../test/diff/builders.js';
import { triggerAspects, triggerParts } from './shape.js';

describe('triggerParts', () => {
  test('every clause pg_get_triggerdef prints', () => {
    expect(
      triggerParts(
        'CREATE CONSTRAINT TRIGGER "On" AFTER INSERT OR UPDATE OF price, "for" ON "for".referencing FROM public.other DEFERRABLE INITIALLY DEFERRED ' +
          "FOR EACH ROW WHEN ((old.price IS DISTINCT FROM new.price)) EXECUTE FUNCTION \"Odd\".f('a''b', 'c)')",
      ),
    ).toEqual({
      name: 'On',
      table: ['for', 'referencing'],
      constraint: true,
      timing: 'AFTER',
      events: 'INSERT OR UPDATE OF price , "for"',
      referenced: 'public . other',
      deferrable: 'DEFERRABLE INITIALLY DEFERRED',
      transitionTables: '',
      level: 'ROW',
      when: '((old.price IS DISTINCT FROM new.price))',
      function: '"Odd".f',
      arguments: "'a''b', 'c)'",
    });
  });

  test('INSTEAD OF, transition tables, statement level, a procedure', () => {
    expect(
      triggerParts('CREATE TRIGGER t INSTEAD OF DELETE ON public.v REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE PROCEDURE f()'),
    ).toMatchObject({ name: 't', table: ['public', 'v'], timing: 'INSTEAD OF', events: 'DELETE', transitionTables: 'OLD TABLE AS o', level: 'STATEMENT', function: 'f', arguments: '' });
  });

  test('names fold as PostgreSQL folds them; a name that is not one plain or quoted identifier is null', () => {
    expect(triggerParts('CREATE TRIGGER Ab BEFORE INSERT ON Sch."T x" FOR EACH ROW EXECUTE FUNCTION f()')).toMatchObject({ name: 'ab', table: ['sch', 'T x'] });
    expect(triggerParts('CREATE TRIGGER t BEFORE INSERT ON db.s.t FOR EACH ROW EXECUTE FUNCTION f()')).toMatchObject({ table: null });
  });

  test.each([
    ['not a trigger', 'CREATE INDEX i ON t (c)'],
    ['an unterminated quote', 'CREATE TRIGGER "t BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()'],
    ['no level', 'CREATE TRIGGER t BEFORE INSERT ON t EXECUTE FUNCTION f()'],
    ['no function call', 'CREATE TRIGGER t BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f'],
  ])('%s: null', (_, text) => {
    expect(triggerParts(text)).toBeNull();
  });
});

describe('triggerAspects', () => {
  test('the parts that differ, by name', () => {
    const e = trig('t', 'x');
    expect(triggerAspects(e, e)).toEqual([]);
    expect(triggerAspects(e, trig('t', 'x', { body: 'AFTER INSERT' }))).toEqual(['timing', 'events']);
    expect(
      triggerAspects(e, { ...e, definition: 'CREATE TRIGGER x BEFORE UPDATE ON public.t FOR EACH STATEMENT WHEN ((1 = 1)) EXECUTE FUNCTION g(1)' }),
    ).toEqual(['level', 'when', 'function', 'arguments']);
  });

  test('text it cannot read differs in its definition', () => {
    expect(triggerAspects(trig('t', 'x'), { ...trig('t', 'x'), definition: 'something else' })).toEqual(['definition']);
  });
});
