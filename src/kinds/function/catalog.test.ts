/** decodeRoutines on rows captured from PostgreSQL 17 (routinesQuery). */
import { decodeRoutines, type RawRoutineRow } from './catalog.js';

const BASE: RawRoutineRow = {
  schema: 'app',
  name: 'f',
  kind: 'f',
  signature: '',
  arguments: '',
  argument_list: '',
  returns: 'integer',
  language: 'sql',
  body: 'select 1',
  sql_body: null,
  library: null,
  volatility: 'v',
  strict: false,
  security_definer: false,
  leakproof: false,
  parallel: 'u',
  cost: 100,
  rows: 0,
  config: null,
  aggregate: null,
  comment: null,
  depends_on: null,
};

const ROWS: RawRoutineRow[] = [
  { ...BASE, name: 'touch', returns: 'trigger', language: 'plpgsql', body: '\nbegin\n  return new;\nend\n' },
  { ...BASE, name: 'proc', kind: 'p', signature: 'integer, text', arguments: 'IN a integer, INOUT b text', argument_list: 'IN a integer, INOUT b text', returns: null },
  { ...BASE, signature: 'text', arguments: 'b text', argument_list: "b text DEFAULT 'x'::text", returns: 'text' },
  { ...BASE, signature: 'integer', arguments: 'a integer', argument_list: 'a integer', returns: 'integer' },
  {
    ...BASE,
    name: 'agg',
    kind: 'a',
    signature: 'integer',
    arguments: 'integer',
    argument_list: 'integer',
    language: 'internal',
    body: 'aggregate_dummy',
    cost: 1,
    aggregate: "SFUNC = int4pl, STYPE = integer, INITCOND = '0'",
  },
];

describe('decodeRoutines', () => {
  test('prokind spelled out; a procedure returns nothing (null)', () => {
    expect(decodeRoutines(ROWS).map((r) => [r.name, r.kind, r.signature, r.returns, r.language])).toEqual([
      ['agg', 'aggregate', 'integer', 'integer', 'internal'],
      ['f', 'function', 'integer', 'integer', 'sql'],
      ['f', 'function', 'text', 'text', 'sql'],
      ['proc', 'procedure', 'integer, text', null, 'sql'],
      ['touch', 'function', '', 'trigger', 'plpgsql'],
    ]);
  });

  test('overloads are told apart, and ordered, by their signature (argument types)', () => {
    expect(decodeRoutines(ROWS.slice(2, 4)).map((r) => r.arguments)).toEqual(['a integer', 'b text']);
  });

  test('the attributes decoded: one-letter codes spelled out, numbers from text, SET options sorted, dependencies as ref keys', () => {
    const [r] = decodeRoutines([
      {
        ...BASE,
        volatility: 's',
        parallel: 'r',
        strict: true,
        security_definer: true,
        leakproof: true,
        cost: '2.5',
        rows: '10',
        config: ['search_path=app, pg_temp', 'jit=off'],
        comment: 'doc',
        depends_on: '[["relation","app","t"],["type","app","mood"]]',
      },
    ]);
    expect(r).toMatchObject({
      volatility: 'stable',
      parallel: 'restricted',
      strict: true,
      securityDefiner: true,
      leakproof: true,
      cost: 2.5,
      rows: 10,
      config: ['jit=off', 'search_path=app, pg_temp'],
      comment: 'doc',
      dependsOn: ['relation:app\u0000t', 'type:app\u0000mood'],
    });
  });

  test('a SQL-standard body is kept apart from prosrc (which is then empty)', () => {
    const [r] = decodeRoutines([{ ...BASE, body: '', sql_body: 'RETURN (a + 1)' }]);
    expect([r?.body, r?.sqlBody]).toEqual([null, 'RETURN (a + 1)']);
  });
});
