/** The extension kind's words: the Other Drift cells of its finding kinds, names as code. */
import { extension as ext } from '../../../test/plan/builders.js';
import { EXTENSION_WORDS } from './words.js';

const base = { id: 'x', category: 'drift', severity: 'warning', object: { schema: 'public', extension: 'pg_trgm' }, message: '' } as const;

test('missing and unexpected: schema and version (or any version)', () => {
  expect(EXTENSION_WORDS.missing_extension.otherDriftCell({ ...base, kind: 'missing_extension', expected: ext('pg_trgm', 'ext', { version: '1.4' }), actual: null }, [])).toBe(
    'Extension is missing; expected in schema `ext`, version `1.4`',
  );
  expect(EXTENSION_WORDS.missing_extension.otherDriftCell({ ...base, kind: 'missing_extension', expected: ext('pg_trgm', 'public', { version: null }), actual: null }, [])).toBe(
    'Extension is missing; expected in schema `public`, any version',
  );
  expect(EXTENSION_WORDS.unexpected_extension.otherDriftCell({ ...base, kind: 'unexpected_extension', expected: null, actual: ext('hstore', 'public', { version: '1.8' }) }, [])).toBe(
    'Extension not in the expected schema; version `1.8`, in schema `public`',
  );
});

test('a difference: the aspects that differ, the database first; untrusted text as code', () => {
  const f = { ...base, kind: 'extension_mismatch', expected: { schema: 'ext', version: '1.4' }, actual: { schema: 'p`|x', version: '1.3' } } as const;
  expect(EXTENSION_WORDS.extension_mismatch.otherDriftCell(f, ['schema', 'version'])).toBe('Version `1.3`; expected `1.4`. In schema ``p`|x``; expected `ext`');
  expect(EXTENSION_WORDS.extension_mismatch.otherDriftCell(f, ['version'])).toBe('Version `1.3`; expected `1.4`');
});
