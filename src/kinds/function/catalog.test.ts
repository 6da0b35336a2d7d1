/** decodeRoutines on rows captured from PostgreSQL 17 (routinesQuery). */
import { decodeRoutines, type RawRoutineRow } from './catalog.js';

const ROWS: RawRoutineRow[] = [
  { schema: 'app', name: 'touch', kind: 'f', arguments: '', returns: 'trigger', language: 'plpgsql' },
  { schema: 'app', name: 'proc', kind: 'p', arguments: 'IN a integer, INOUT b text', returns: null, language: 'sql' },
  { schema: 'app', name: 'f', kind: 'f', arguments: 'b text', returns: 'text', language: 'sql' },
  { schema: 'app', name: 'f', kind: 'f', arguments: 'a integer', returns: 'integer', language: 'sql' },
  { schema: 'app', name: 'agg', kind: 'a', arguments: 'integer', returns: 'integer', language: 'internal' },
];

describe('decodeRoutines', () => {
  test('prokind spelled out; a procedure returns nothing (null)', () => {
    expect(decodeRoutines(ROWS)).toEqual([
      { schema: 'app', name: 'agg', kind: 'aggregate', arguments: 'integer', returns: 'integer', language: 'internal' },
      { schema: 'app', name: 'f', kind: 'function', arguments: 'a integer', returns: 'integer', language: 'sql' },
      { schema: 'app', name: 'f', kind: 'function', arguments: 'b text', returns: 'text', language: 'sql' },
      { schema: 'app', name: 'proc', kind: 'procedure', arguments: 'IN a integer, INOUT b text', returns: null, language: 'sql' },
      { schema: 'app', name: 'touch', kind: 'function', arguments: '', returns: 'trigger', language: 'plpgsql' },
    ]);
  });

  test('overloads are told apart, and ordered, by their identity arguments', () => {
    expect(decodeRoutines(ROWS.slice(2, 4)).map((r) => r.arguments)).toEqual(['a integer', 'b text']);
  });
});
