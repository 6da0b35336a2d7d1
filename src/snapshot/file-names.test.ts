import path from 'node:path';
import { MAX_SANITISED, SAFE_SEGMENT, safeFileName } from './file-names.js';
import { splitSpec } from './spec-folder.js';
import { checkRelativeName } from '../io/write-folder.js';
import type { SpecFile } from '../spec-file/spec-types.js';

const HOSTILE = [
  '',
  '.',
  '..',
  '../../etc/passwd',
  '/etc/passwd',
  'a/b',
  'a\\b',
  'C:\\x',
  '.hidden',
  '.schema-audit-snapshot',
  'spec.yaml',
  'tables',
  'x.yaml',
  'Foo',
  'foo',
  'FOO',
  'fOo',
  'a b',
  'a_b',
  'a-b',
  'a.b',
  'con',
  'CON',
  'nul',
  'com1',
  'lpt9',
  'aux.txt',
  'tâble',
  'table',
  '表',
  '🙂',
  '\u202eevil',
  'line\nbreak',
  'tab\there',
  '"quoted"',
  'x'.repeat(63),
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(10_000),
  `${'x'.repeat(64)}y`,
  `${'x'.repeat(64)}z`,
  '\ud800', // a lone surrogate
  '\udc00',
];

describe('safeFileName', () => {
  test('a plain lower-case name is its own file name', () => {
    for (const name of ['users', 'order_items', 'a', 'x1', 'x'.repeat(64)]) expect(safeFileName(name)).toBe(name);
  });

  test('every hostile name gives a safe segment: no separator, dot, upper case, device name, at most 81 characters', () => {
    for (const name of HOSTILE) {
      const file = safeFileName(name);
      expect(file).toMatch(SAFE_SEGMENT);
      expect(file.length).toBeLessThanOrEqual(MAX_SANITISED + 17);
      expect(file).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
      expect(path.posix.basename(file)).toBe(file);
      expect(path.win32.basename(file)).toBe(file);
      expect(() => checkRelativeName(`${file}/tables/${file}.yaml`)).not.toThrow();
    }
  });

  test('unique, even ignoring case (case-insensitive file systems), and deterministic', () => {
    const files = HOSTILE.map((n) => safeFileName(n).toLowerCase());
    expect(new Set(files).size).toBe(HOSTILE.length);
    expect(HOSTILE.map(safeFileName)).toEqual(HOSTILE.map(safeFileName));
    expect(safeFileName('Foo')).toBe('foo-' + safeFileName('Foo').split('-')[1]);
    expect(safeFileName('Foo')).not.toBe(safeFileName('FOO'));
  });

  test('names that sanitise alike (a.b, a-b, a b, a/b) stay apart', () => {
    const names = ['a.b', 'a-b', 'a b', 'a/b', 'a\\b', 'a:b', 'a_b'];
    const files = names.map(safeFileName);
    expect(new Set(files).size).toBe(names.length);
    expect(files[names.indexOf('a_b')]).toBe('a_b');
  });

  test('many generated names: no collision', () => {
    const seen = new Map<string, string>();
    for (let i = 0; i < 20_000; i++) {
      for (const name of [`T${i}`, `t${i}`, `t.${i}`, `t-${i}`]) {
        const file = safeFileName(name);
        expect(seen.get(file) ?? name).toBe(name);
        seen.set(file, name);
      }
    }
  });
});

describe('splitSpec', () => {
  test('hostile schema and table names stay inside the folder, one file each', () => {
    const tables: Record<string, unknown> = {};
    for (const schema of ['public', '..', 'a/b', 'Sales']) {
      for (const table of ['t', '..', '../x', 'T', 'con']) {
        const key = schema === 'public' ? `"${table}"` : `"${schema.replace(/"/g, '""')}"."${table}"`;
        tables[key] = { columns: { id: { type: 'integer' } } };
      }
    }
    const spec = { version: 1, schemas: ['a/b'], enums: { '"..".e': { values: ['x'] } }, tables } as unknown as SpecFile;
    const files = splitSpec(spec, 'yaml');
    const names = files.map((f) => f.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(() => checkRelativeName(name)).not.toThrow();
      expect(path.posix.normalize(name)).toBe(name);
      expect(name.startsWith('/') || name.split('/').includes('..')).toBe(false);
    }
    expect(names[0]).toBe('spec.yaml');
    expect(files[0]!.spec).toEqual({ version: 1, schemas: ['a/b'] });
    expect(names).toContain(`${safeFileName('..')}/enums.yaml`);
    expect(names).toContain('public/tables/t.yaml');
    expect(names.filter((n) => n.includes('/tables/'))).toHaveLength(20);
    // Every object once, under its own key.
    const merged = Object.assign({}, ...files.map((f) => (f.spec as unknown as { tables?: object }).tables ?? {}));
    expect(merged).toEqual(tables);
  });

  test('checkRelativeName refuses what could leave the folder', () => {
    for (const bad of ['..', '../x.yaml', '/x.yaml', 'a//b.yaml', 'a/./b.yaml', '.x', 'A.yaml', 'a\\b.yaml', '', 'a/']) {
      expect(() => checkRelativeName(bad)).toThrow(/unsafe file name/);
    }
  });
});
