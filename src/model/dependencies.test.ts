import { decodeDependsOn, dependencyOrder, dependentsOf, refKey, refKind, refParts, touches, type DependentNode } from './dependencies.js';

const rel = (name: string): string => refKey('relation', 'public', name);
const col = (table: string, name: string): string => refKey('column', 'public', table, name);
const view = (name: string, ...dependsOn: string[]): DependentNode => ({ key: `view:${name}`, ownKey: rel(name), dependsOn });

test('ref keys keep every name part, whatever it holds', () => {
  const k = refKey('column', 'odd"schema', 'a.b', 'c\u0001');
  expect(refKind(k)).toBe('column');
  expect(refParts(k)).toEqual(['odd"schema', 'a.b', 'c\u0001']);
});

test('decodeDependsOn: sorted, deduplicated, malformed rows skipped', () => {
  const json = JSON.stringify([['relation', 'public', 't'], ['column', 'public', 't', 'a'], ['relation', 'public', 't'], [1, 2], 'x']);
  expect(decodeDependsOn(json)).toEqual([col('t', 'a'), rel('t')].sort());
  expect(decodeDependsOn(null)).toEqual([]);
});

test('touches: a relation takes its columns with it, not another relation\'s', () => {
  expect(touches(col('t', 'a'), rel('t'))).toBe(true);
  expect(touches(col('tt', 'a'), rel('t'))).toBe(false);
  expect(touches(rel('t'), col('t', 'a'))).toBe(false);
});

test('dependentsOf follows chains through views, from a column or a relation', () => {
  const nodes = [view('v1', col('t', 'a')), view('v2', rel('v1')), view('v3', col('v2', 'a')), view('w', col('u', 'a'))];
  expect(dependentsOf(nodes, [col('t', 'a')])).toEqual(['view:v1', 'view:v2', 'view:v3']);
  expect(dependentsOf(nodes, [rel('t')])).toEqual(['view:v1', 'view:v2', 'view:v3']);
  expect(dependentsOf(nodes, [col('t', 'b')])).toEqual([]);
});

test('dependencyOrder puts each node after what it reads, deterministically, and survives cycles', () => {
  const nodes = [view('c', col('b', 'x')), view('a'), view('b', rel('a'))];
  expect(dependencyOrder(nodes).map((n) => n.key)).toEqual(['view:a', 'view:b', 'view:c']);
  const cycle = [view('x', rel('y')), view('y', rel('x'))];
  expect(dependencyOrder(cycle).map((n) => n.key)).toHaveLength(2);
  const long = Array.from({ length: 20000 }, (_, i) => view(`v${i}`, ...(i ? [rel(`v${i - 1}`)] : [])));
  const ordered = dependencyOrder([...long].reverse());
  expect(ordered[0]?.key).toBe('view:v0');
  expect(ordered[19999]?.key).toBe('view:v19999');
});
