import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadSpec } from '../../src/spec-file/load-spec.js';
import { modelToSpec } from '../../src/spec-file/model-to-spec.js';
import { col, enumType, idx, model, table, unique } from '../diff/builders.js';
import { inMemorySpec } from '../../src/spec-file/in-memory-spec.js';
import { specToDdl } from '../../src/spec-file/spec-to-ddl.js';
import { renderSpecJson, renderSpecYaml } from '../../src/spec-file/spec-yaml.js';
import type { SpecFile } from '../../src/spec-file/spec-types.js';
import { lines, scratchSpecs } from '../spec-file/helpers.js';

/**
 * The spec loader keeps objects named like Object's own properties:
 * `__proto__` stays an ordinary key, and `toString` or `constructor` are
 * found only where they are written.
 */
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const { specDir } = scratchSpecs();

const YAML = lines(
  'enums:',
  `  constructor.__proto__: { values: [${NAMES.join(', ')}] }`,
  'tables:',
  ...NAMES.flatMap((table) => [
    `  ${table}:`,
    '    columns:',
    ...NAMES.map((c) => `      ${c}: { type: int${c === 'valueOf' ? ', references: { table: constructor, column: __proto__ }' : ''} }`),
    '    primaryKey: [__proto__]',
    '    indexes:',
    `      ${table}_toString: { columns: [toString] }`,
  ]),
  '  other:',
  '    columns:',
  '      id: { type: int }',
  '    unique: [{ columns: [id] }]',
);

const own = (o: object, key: string): boolean => Object.hasOwn(o, key);

test.each(['yaml', 'json'])('a %s spec keeps tables, columns and enums named __proto__, constructor, toString...', (ext) => {
  const text = ext === 'yaml' ? YAML : JSON.stringify(parseYaml(YAML));
  const spec = loadSpec(path.join(specDir({ [`spec.${ext}`]: text }), `spec.${ext}`));
  expect([...spec.tables.keys()].sort()).toEqual([...NAMES.map((n) => `public.${n === 'toString' || n === 'hasOwnProperty' || n === 'valueOf' ? `"${n}"` : n}`), 'public.other'].sort());
  for (const table of spec.tables.values()) {
    if (table === spec.tables.get('public.other')) continue;
    expect(Object.keys(table.columns)).toEqual(NAMES);
    for (const name of NAMES) expect(own(table.columns, name)).toBe(true);
    expect(Object.getPrototypeOf(table.columns)).toBe(Object.prototype);
  }
  // A table without such columns does not find Object's: `other` has no column toString.
  expect(own(spec.tables.get('public.other')!.columns, 'toString')).toBe(false);
  expect(spec.enums.get('constructor.__proto__')?.values).toEqual(NAMES);
  // The DDL names every column of every table.
  const ddl = specToDdl(spec).map((s) => s.sql).join('\n');
  for (const name of NAMES) expect(ddl).toContain(`CREATE TABLE public.${name === '__proto__' || name === 'constructor' ? name : `"${name}"`} (`);
  expect(ddl.match(/ {2}__proto__ int\b/g)).toHaveLength(NAMES.length);
  expect(ddl.match(/ {2}constructor int\b/g)).toHaveLength(NAMES.length);
});

test('a spec written with them (YAML and JSON) reads back the same', () => {
  const file = parseYaml(YAML) as SpecFile;
  expect(own(file.tables!, '__proto__')).toBe(true);
  const loaded = inMemorySpec(file);
  expect(loaded.tables.has('public.__proto__')).toBe(true);
  for (const text of [renderSpecYaml(file), renderSpecJson(file)]) {
    const again = parseYaml(text) as SpecFile;
    expect(Object.keys(again.tables!)).toEqual(Object.keys(file.tables!));
    expect(Object.keys(Object.getOwnPropertyDescriptor(again.tables!, '__proto__')!.value.columns)).toEqual(NAMES);
  }
});

test('the spec of a model (snapshot) keeps them: tables, columns, indexes, enums, and no shorthand lands on Object', () => {
  const tables = NAMES.map((name) =>
    table(name, {
      columns: NAMES.map((c) => col(c, 'integer')),
      indexes: [idx(name, `${name}_idx`, ['toString'])],
      constraints: [unique(`${name}_constructor_key`, ['constructor'])],
    }),
  );
  // A table without the column `constructor` and a unique key on another column: no shorthand may go astray.
  tables.push(table('other', { columns: [col('id', 'integer')], constraints: [unique('other_id_key', ['id'])] }));
  const spec = modelToSpec({ ...model({ enums: [enumType('__proto__', NAMES)] }), tables });
  expect(Object.keys(spec.tables!)).toEqual([...NAMES, 'other']);
  const proto = Object.getOwnPropertyDescriptor(spec.tables!, '__proto__')!.value as { columns: object; indexes: object };
  expect(Object.keys(proto.columns)).toEqual(NAMES);
  expect(Object.keys(proto.indexes)).toEqual(['__proto___idx']);
  expect(Object.keys(spec.enums!)).toEqual(['__proto__']);
  expect(Object.getPrototypeOf(spec.tables)).toBe(Object.prototype);
  expect(Object.hasOwn(Object.prototype, 'unique')).toBe(false);
  expect(Object.keys(parseYaml(renderSpecYaml(spec)).tables)).toEqual([...NAMES, 'other']);
  expect(Object.keys(JSON.parse(renderSpecJson(spec)).tables)).toEqual([...NAMES, 'other']);
});
