import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { ExitCode, exitCodeFor } from '../../src/cli/exit-codes.js';
import { AuditError, InvalidSpecError, UsageError } from '../../src/errors.js';
import { DEFAULT_INPUT_LIMITS, inputLimits, MAX_YAML_ALIASES, readInputFile } from '../../src/spec-file/input-limits.js';
import { loadSpec } from '../../src/spec-file/load-spec.js';
import { loadSpecAsync } from '../../src/spec-file/load-spec-async.js';
import { lines, problemsOf, scratchSpecs } from '../spec-file/helpers.js';

/**
 * Limits on what is read: a YAML alias bomb, a file with too many nodes, an
 * input over the byte limit each fail at once with one line and exit 2.
 */
const { specDir } = scratchSpecs();

/** Billion laughs: nine levels of ten aliases each, under 500 bytes. */
function aliasBomb(): string {
  const out = ['version: 1', 'a0: &a0 [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i <= 8; i++) out.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
  out.push('tables: {}');
  return lines(...out);
}

function expectExit2(err: unknown): AuditError {
  expect(err).toBeInstanceOf(AuditError);
  expect(exitCodeFor((err as AuditError).code)).toBe(ExitCode.Usage);
  expect((err as AuditError).message).not.toContain('\n');
  return err as AuditError;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('nothing thrown');
}

test('a YAML alias bomb is refused at once, by how far it expands', () => {
  const text = aliasBomb();
  expect(text.length).toBeLessThan(500);
  const file = path.join(specDir({ 'bomb.yaml': text }), 'bomb.yaml');
  const started = Date.now();
  const err = expectExit2(thrown(() => loadSpec(file)));
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(err).toBeInstanceOf(InvalidSpecError);
  expect(err.message).toMatch(/bomb\.yaml: its aliases expand it by more than 100000 nodes/);
});

test('more aliases than the limit are refused, even when each expands to little', () => {
  const many = ['x: &x 1', 'list:', ...Array.from({ length: MAX_YAML_ALIASES + 1 }, () => '  - *x')];
  const file = path.join(specDir({ 'many.yaml': lines(...many) }), 'many.yaml');
  expect(expectExit2(thrown(() => loadSpec(file))).message).toContain(`aliases are followed more than ${MAX_YAML_ALIASES} times`);
});

test('aliases within the limits still work', () => {
  const dir = specDir({ 'a.yaml': lines('tables:', '  a: { columns: &cols { id: { type: int } } }', '  b: { columns: *cols }') });
  expect(Object.keys(loadSpec(dir).tables.get('public.b')!.columns)).toEqual(['id']);
});

test.each(['yaml', 'json'])('a %s file with more nodes than the limit is refused', (ext) => {
  const columns = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`c${i}`, { type: 'int' }]));
  const text = ext === 'json' ? JSON.stringify({ tables: { t: { columns } } }) : lines('tables:', '  t:', '    columns:', ...Object.keys(columns).map((c) => `      ${c}: { type: int }`));
  const dir = specDir({ [`spec.${ext}`]: text });
  expect(() => loadSpec(dir, { ...DEFAULT_INPUT_LIMITS, maxNodes: 200 })).not.toThrow();
  const err = expectExit2(thrown(() => loadSpec(dir, { ...DEFAULT_INPUT_LIMITS, maxNodes: 100 })));
  expect(err.message).toBe(`${path.join(dir, `spec.${ext}`)} has more than 100 nodes (maps, lists and values, YAML aliases expanded); raise it with --max-spec-nodes or SCHEMA_AUDIT_MAX_SPEC_NODES`);
});

test('a spec over the byte limit is refused before it is read; a directory counts its files together', () => {
  const big = lines('tables:', '  t:', '    columns:', ...Array.from({ length: 100 }, (_, i) => `      c${i}: { type: int }`));
  const dir = specDir({ 'a.yaml': big, 'b.yaml': big.replace('  t:', '  u:') });
  const limits = { ...DEFAULT_INPUT_LIMITS, maxBytes: big.length + 10 };
  expect(() => loadSpec(path.join(dir, 'a.yaml'), limits)).not.toThrow();
  const err = expectExit2(thrown(() => loadSpec(dir, limits)));
  expect(err).toBeInstanceOf(UsageError);
  expect(err.message).toMatch(/b\.yaml would bring the input to .* MiB, over the limit of .* MiB of input; raise it with --max-input-mib or SCHEMA_AUDIT_MAX_INPUT_MIB$/);
  expect(() => readInputFile(path.join(dir, 'a.yaml'), { ...limits, maxBytes: 100 })).toThrow(/a\.yaml is 0 MiB, over the limit/);
});

test('the limits: flags, then the environment, then the defaults; bad values refused', () => {
  expect(inputLimits({}, {})).toEqual(DEFAULT_INPUT_LIMITS);
  expect(DEFAULT_INPUT_LIMITS).toEqual({ maxBytes: 32 * 1024 * 1024, maxNodes: 2_000_000 });
  expect(inputLimits({}, { SCHEMA_AUDIT_MAX_INPUT_MIB: '100', SCHEMA_AUDIT_MAX_SPEC_NODES: '5000000' })).toEqual({ maxBytes: 100 * 1024 * 1024, maxNodes: 5_000_000 });
  expect(inputLimits({ maxInputMib: '1', maxSpecNodes: '10' }, { SCHEMA_AUDIT_MAX_INPUT_MIB: '100' })).toEqual({ maxBytes: 1024 * 1024, maxNodes: 10 });
  expect(() => inputLimits({ maxInputMib: '0' }, {})).toThrow('--max-input-mib must be a positive whole number, not "0"');
  expect(() => inputLimits({}, { SCHEMA_AUDIT_MAX_SPEC_NODES: 'lots' })).toThrow('SCHEMA_AUDIT_MAX_SPEC_NODES must be a positive whole number, not "lots"');
});

test('JSON read with JSON.parse keeps what the YAML reader kept: lines, duplicate keys, SQL text as written', () => {
  const dir = specDir({
    'spec.json': '{\n  "tables": {\n    "t": {\n      "columns": {\n        "a": { "type": "numeric", "default": 1.50 },\n        "b": { "type": "boolean", "default": false },\n        "a": { "type": "int" }\n      }\n    }\n  }\n}\n',
  });
  expect(problemsOf(dir)).toEqual([{ file: 'spec.json', line: 7, path: 'tables.t.columns', message: "duplicate key 'a' (first at line 5)" }]);
  const ok = specDir({ 'spec.json': '{"tables": {"t": {"columns": {"a": {"type": "numeric", "default": 1.50}, "b": {"type": "boolean", "default": false}}}}}' });
  const columns = loadSpec(ok).tables.get('public.t')!.columns;
  expect([columns.a?.default, columns.b?.default]).toEqual(['1.50', 'false']);
  const broken = specDir({ 'spec.json': '{\n  "tables": {\n    "t": [\n  }\n}\n' });
  expect(problemsOf(broken)[0]).toMatchObject({ file: 'spec.json', message: expect.stringMatching(/^invalid JSON: /) });
});

test('loadSpecAsync gives what loadSpec gives', async () => {
  const dir = specDir({ 'spec.yaml': lines('tables:', '  t: { columns: { id: { type: int } } }') });
  const spec = await loadSpecAsync(dir);
  expect([...spec.tables.keys()]).toEqual(['public.t']);
  expect(spec.locate(['tables', 'public', 't', 'columns', 'id'])).toEqual({ file: path.join(dir, 'spec.yaml'), line: 2, path: 'tables.t.columns.id' });
  writeFileSync(path.join(dir, 'spec.yaml'), aliasBomb());
  await expect(loadSpecAsync(dir)).rejects.toThrow(/aliases expand it/);
});
