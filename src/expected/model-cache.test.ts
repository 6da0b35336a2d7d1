import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_INPUT_LIMITS } from '../spec-file/input-limits.js';
import { CACHE_FORMAT, cacheKey, defaultCacheDir, entryPath, readCacheEntry, writeCacheEntry, type CacheKeyParts } from './model-cache.js';
import type { SchemaModel } from '../model/schema-model.js';

const BASE: CacheKeyParts = { kind: 'spec', contentSha256: 'a'.repeat(64), major: 17, toolVersion: '1.2.3' };

describe('cacheKey', () => {
  test('is 64 hex digits, the same for the same parts', () => {
    expect(cacheKey(BASE)).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...BASE })).toBe(cacheKey(BASE));
  });

  test.each<[string, Partial<CacheKeyParts>]>([
    ['content', { contentSha256: 'b'.repeat(64) }],
    ['kind', { kind: 'sql' }],
    ['major', { major: 16 }],
    ['tool version', { toolVersion: '1.2.4' }],
    ['schemas', { schemas: ['public'] }],
    ['excluded schemas', { excludeSchemas: ['audit'] }],
  ])('changes with the %s', (_what, change) => {
    expect(cacheKey({ ...BASE, ...change })).not.toBe(cacheKey(BASE));
  });

  test('a schema kept is not a schema left out', () => {
    expect(cacheKey({ ...BASE, schemas: ['a'] })).not.toBe(cacheKey({ ...BASE, excludeSchemas: ['a'] }));
  });

  test('a scope is a set: order and repeats do not matter, empty is none', () => {
    expect(cacheKey({ ...BASE, schemas: ['b', 'a', 'b'] })).toBe(cacheKey({ ...BASE, schemas: ['a', 'b'] }));
    expect(cacheKey({ ...BASE, schemas: [] })).toBe(cacheKey(BASE));
    expect(cacheKey({ ...BASE, excludeSchemas: [] })).toBe(cacheKey(BASE));
  });

  test('an undefined scope is no scope; the entry format is part of the key', () => {
    expect(CACHE_FORMAT).toBe(1);
    expect(cacheKey(BASE)).toBe(cacheKey({ kind: 'spec', contentSha256: 'a'.repeat(64), major: 17, toolVersion: '1.2.3', schemas: undefined }));
  });
});

describe('defaultCacheDir', () => {
  test('Linux: $XDG_CACHE_HOME/schema-audit, else ~/.cache/schema-audit; a relative XDG_CACHE_HOME is ignored', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u')).toBe('/x/cache/schema-audit');
    expect(defaultCacheDir({}, 'linux', '/home/u')).toBe('/home/u/.cache/schema-audit');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'rel' }, 'linux', '/home/u')).toBe('/home/u/.cache/schema-audit');
    expect(defaultCacheDir({}, 'linux', '')).toBeUndefined();
  });

  test('macOS: ~/Library/Caches/schema-audit', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' }, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/schema-audit');
  });

  test('Windows: %LOCALAPPDATA%\\schema-audit\\Cache', () => {
    expect(defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Local\\schema-audit\\Cache');
    expect(defaultCacheDir({}, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Local\\schema-audit\\Cache');
  });
});

describe('entries', () => {
  const EMPTY: SchemaModel = {
    schemas: [], extensions: [], collations: [], enums: [], domains: [], types: [], sequences: [], tables: [], views: [], functions: [], eventTriggers: [], privileges: [],
  } as unknown as SchemaModel;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sa-cache-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('written whole and read back; absent, another major, or junk: null, said', async () => {
    const said: string[] = [];
    const say = (m: string): void => void said.push(m);
    expect(await readCacheEntry(dir, BASE, DEFAULT_INPUT_LIMITS, say)).toBeNull();
    expect(said.pop()).toMatch(/no entry/);
    writeCacheEntry(dir, BASE, { model: EMPTY, server: { version: '17.1', major: 17, database: 'x', user: 'u' }, verdicts: [] }, say);
    expect(readdirSync(dir)).toEqual([`${cacheKey(BASE)}.json`]);
    const entry = await readCacheEntry(dir, BASE, DEFAULT_INPUT_LIMITS, say);
    expect(entry?.model.tables).toEqual([]);
    expect(await readCacheEntry(dir, { ...BASE, major: 16 }, DEFAULT_INPUT_LIMITS, say)).toBeNull();
    writeFileSync(entryPath(dir, cacheKey(BASE)), 'null');
    expect(await readCacheEntry(dir, BASE, DEFAULT_INPUT_LIMITS, say)).toBeNull();
    expect(said.pop()).toMatch(/^cache: ignoring /);
  });

  test('a write that cannot happen is said, never thrown', () => {
    const blocker = path.join(dir, 'file');
    writeFileSync(blocker, '');
    const said: string[] = [];
    writeCacheEntry(path.join(blocker, 'sub'), BASE, { model: EMPTY, server: { version: '17.1', major: 17, database: 'x', user: 'u' }, verdicts: [] }, (m) => void said.push(m));
    expect(said[0]).toMatch(/^cache: could not write /);
  });
});
