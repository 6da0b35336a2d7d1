import { compareText } from '../model/sort.js';

/** Matched pair of a keyed diff. */
export interface KeyedPair<T> {
  readonly key: string;
  readonly expected: T;
  readonly actual: T;
}

/** Result of {@link diffKeyed}; every list is sorted by key (code-unit order). */
export interface KeyedDiff<T> {
  /** In expected, not in actual. */
  readonly missing: T[];
  /** In actual, not in expected. */
  readonly unexpected: T[];
  /** In both. */
  readonly common: KeyedPair<T>[];
}

/**
 * Match two lists by key. Input order does not matter; when a key occurs
 * twice in one list (the model forbids it), the first occurrence wins.
 */
export function diffKeyed<T>(expected: readonly T[], actual: readonly T[], keyOf: (item: T) => string): KeyedDiff<T> {
  const byKey = (items: readonly T[]): Map<string, T> => {
    const map = new Map<string, T>();
    for (const item of items) {
      const key = keyOf(item);
      if (!map.has(key)) map.set(key, item);
    }
    return map;
  };
  const exp = byKey(expected);
  const act = byKey(actual);
  const missing: T[] = [];
  const unexpected: T[] = [];
  const common: KeyedPair<T>[] = [];
  const sorted = (map: Map<string, T>): [string, T][] => [...map].sort(([x], [y]) => compareText(x, y));
  for (const [key, e] of sorted(exp)) {
    const a = act.get(key);
    if (a === undefined) missing.push(e);
    else common.push({ key, expected: e, actual: a });
  }
  for (const [key, a] of sorted(act)) {
    if (!exp.has(key)) unexpected.push(a);
  }
  return { missing, unexpected, common };
}
