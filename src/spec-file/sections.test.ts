/**
 * Guards on the kinds' sections of the spec file: what the compiler cannot
 * check about `LoadedSpec` (written by hand for its users) against the
 * registry (walked by the loader, the checker, modelToSpec, the YAML writer
 * and the JSON Schema). `SpecFile`'s keys are checked against the assembled
 * JSON Schema's (test/spec-file/validate-spec.test.ts).
 */
import { KINDS } from '../kinds/registry.js';
import { inFirstReleaseOrder, LIST_SECTIONS, MAP_SECTIONS, SECTIONS } from './sections.js';
import type { LoadedSectionKey } from './spec-types.js';

/** The kinds' sections of a loaded spec, by shape: the compiler makes this list complete. */
const LOADED: Record<LoadedSectionKey, 'list' | 'map'> = {
  schemas: 'list',
  extensions: 'list',
  collations: 'map',
  enums: 'map',
  domains: 'map', types: 'map',
  sequences: 'map',
  functions: 'map',
  tables: 'map',
  views: 'map',
};

describe('the spec file’s sections, from the registry', () => {
  test('LoadedSpec has exactly the registry’s sections, each of its shape', () => {
    expect(new Map(SECTIONS.map(({ section }) => [section.key, section.shape]))).toEqual(new Map(Object.entries(LOADED)));
  });

  test('sections are in registry order, maps and lists apart, keys unique', () => {
    const order = KINDS.filter((k) => k.spec !== null).map((k) => k.name);
    expect(SECTIONS.map(({ kind }) => kind.name)).toEqual(order);
    expect([...LIST_SECTIONS, ...MAP_SECTIONS].length).toBe(SECTIONS.length);
    expect(new Set(SECTIONS.map(({ section }) => section.key)).size).toBe(SECTIONS.length);
  });

  test('a member kind has no section: its container’s calls its pieces', () => {
    for (const kind of KINDS) if ('container' in kind.placement) expect(kind.spec).toBeNull();
  });

  test('first-release order: the sections named first, the others in registry order', () => {
    expect(inFirstReleaseOrder(SECTIONS, ['extensions']).map(({ section }) => section.key)).toEqual([
      'extensions',
      'schemas',
      'collations',
      'enums',
      'domains',
      'types',
      'sequences',
      'functions',
      'tables',
      'views',
    ]);
    expect(inFirstReleaseOrder(MAP_SECTIONS, ['tables']).map(({ section }) => section.key)).toEqual(['tables', 'collations', 'enums', 'domains', 'types', 'sequences', 'functions', 'views']);
  });
});
