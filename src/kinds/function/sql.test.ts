/** The function emitter: the safe quoting of bodies, SET options, and the statements' shape. */
import { routine } from '../../../test/diff/builders.js';
import { safeSql } from '../../safe-text.js';
import { bodyTag, createRoutineSql, dollarQuoteBody, dropRoutineSql, quoteBody, setClause, splitListValue } from './sql.js';

/** The text between the first `$tag$` and the next one, as PostgreSQL's scanner reads a dollar-quoted string. */
function scanned(quoted: string): string {
  const tag = /^\$[A-Za-z_0-9]*\$/.exec(quoted)![0];
  const end = quoted.indexOf(tag, tag.length);
  return quoted.slice(tag.length, end);
}

describe('dollar quoting of bodies', () => {
  test.each([
    ['plain', 'select 1'],
    ['holds $$', 'begin execute $$select 1$$; end'],
    ['holds $body$', 'select $body$x$body$'],
    ['holds $body$ and $body1$', '$body$ $body1$'],
    ['ends in $body (would close $body$ early)', 'select 1 -- $body'],
    ['ends in $', "select '$'"],
    ['comment close and control characters', 'select 1 */ \u0001\u001b[31m\r\n'],
  ])('%s: the scanner reads back exactly the body', (_name, body) => {
    const quoted = dollarQuoteBody(body);
    expect(scanned(quoted)).toBe(body);
    expect(quoted.endsWith(bodyTag(body))).toBe(true);
  });

  test('the tag is the first that does not occur in the body', () => {
    expect(bodyTag('x')).toBe('$body$');
    expect(bodyTag('a $body$ b')).toBe('$body1$');
    expect(bodyTag('$body$ $body1$ $body')).toBe('$body2$');
  });

  test('a body the files would escape (control characters) is written as a literal instead, which the escaping keeps the same value', () => {
    expect(quoteBody('select 1')).toBe('$body$select 1$body$');
    const odd = "select 'a\u0001b' -- \u001b[2J";
    const quoted = quoteBody(odd);
    expect(quoted).toBe("'select ''a\u0001b'' -- \u001b[2J'");
    expect(safeSql(quoted)).not.toMatch(/[\u0001\u001b]/);
  });
});

describe('SET options', () => {
  test('list variables: one literal per element, quoted elements unquoted', () => {
    expect(splitListValue('app, "My Schema", pg_temp')).toEqual(['app', 'My Schema', 'pg_temp']);
    expect(splitListValue('"a""b"')).toEqual(['a"b']);
    expect(setClause('search_path=app, "My Schema", pg_temp')).toBe("SET search_path TO 'app', 'My Schema', 'pg_temp'");
    expect(setClause('search_path=""')).toBe("SET search_path TO ''");
  });

  test('other variables: the value as one literal; names quoted as needed', () => {
    expect(setClause("work_mem=64MB")).toBe("SET work_mem TO '64MB'");
    expect(setClause("myapp.tenant=it's")).toBe("SET myapp.tenant TO 'it''s'");
    expect(setClause('DateStyle=ISO, MDY')).toBe("SET datestyle TO 'ISO, MDY'");
  });
});

describe('statements', () => {
  test('a function: every attribute spelled out, names quoted', () => {
    const f = routine('Add', {
      schema: 'my app',
      argumentList: "a integer, b integer DEFAULT 1",
      volatility: 'immutable',
      strict: true,
      securityDefiner: true,
      leakproof: true,
      parallel: 'safe',
      cost: 5,
      config: ['search_path=pg_catalog'],
      body: 'select a + b',
    });
    expect(createRoutineSql(f, true)).toBe(
      [
        'CREATE OR REPLACE FUNCTION "my app"."Add"(a integer, b integer DEFAULT 1)',
        ' RETURNS integer',
        ' LANGUAGE sql',
        ' IMMUTABLE STRICT SECURITY DEFINER LEAKPROOF PARALLEL SAFE COST 5',
        " SET search_path TO 'pg_catalog'",
        'AS $body$select a + b$body$',
      ].join('\n'),
    );
  });

  test('a set-returning function gets its ROWS; a SQL-standard body is written as is', () => {
    const f = routine('f', { returns: 'SETOF integer', rows: 10, body: null, sqlBody: 'BEGIN ATOMIC\n SELECT 1;\nEND' });
    expect(createRoutineSql(f)).toBe('CREATE FUNCTION public.f()\n RETURNS SETOF integer\n LANGUAGE sql\n VOLATILE PARALLEL UNSAFE COST 100 ROWS 10\nBEGIN ATOMIC\n SELECT 1;\nEND');
  });

  test('a procedure takes only LANGUAGE, SECURITY and SET; an aggregate its options', () => {
    const p = routine('p', { kind: 'procedure', returns: null, language: 'plpgsql', argumentList: 'INOUT n integer', body: 'begin n := n + 1; end', securityDefiner: true });
    expect(createRoutineSql(p)).toBe('CREATE PROCEDURE public.p(INOUT n integer)\n LANGUAGE plpgsql\n SECURITY DEFINER\nAS $body$begin n := n + 1; end$body$');
    const a = routine('total', { kind: 'aggregate', argumentList: 'integer', aggregate: 'SFUNC = int4pl, STYPE = integer', parallel: 'safe' });
    expect(createRoutineSql(a, true)).toBe('CREATE OR REPLACE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer, PARALLEL = SAFE)');
  });

  test('DROP names the overload by its argument types', () => {
    expect(dropRoutineSql('function', 'public', 'f', 'integer, text')).toBe('DROP FUNCTION IF EXISTS public.f(integer, text)');
    expect(dropRoutineSql('procedure', 'app', 'P', '')).toBe('DROP PROCEDURE IF EXISTS app."P"()');
  });
});
