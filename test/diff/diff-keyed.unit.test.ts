import { diffKeyed } from '../../src/diff/index.js';

describe('diffKeyed', () => {
  test('splits into missing, unexpected and common, each sorted by key', () => {
    const r = diffKeyed(['c', 'a', 'b', 'B'], ['d', 'b', 'a', 'Z'], (s) => s);
    expect(r.missing).toEqual(['B', 'c']);
    expect(r.unexpected).toEqual(['Z', 'd']);
    expect(r.common).toEqual([
      { key: 'a', expected: 'a', actual: 'a' },
      { key: 'b', expected: 'b', actual: 'b' },
    ]);
  });

  test('pairs by key, not by value; the first of duplicate keys wins', () => {
    const r = diffKeyed(
      [{ k: 'x', v: 1 }, { k: 'x', v: 2 }],
      [{ k: 'x', v: 3 }],
      (o) => o.k,
    );
    expect(r.common).toEqual([{ key: 'x', expected: { k: 'x', v: 1 }, actual: { k: 'x', v: 3 } }]);
    expect(r.missing).toEqual([]);
  });

  test('empty inputs', () => {
    expect(diffKeyed([], [], String)).toEqual({ missing: [], unexpected: [], common: [] });
  });
});
