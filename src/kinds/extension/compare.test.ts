import { extension as ext } from '../../../test/plan/builders.js';
import { compareExtensions } from './compare.js';

const all = (): boolean => true;

describe('compareExtensions', () => {
  test('missing, unexpected, and what differs: schema and version', () => {
    const r = compareExtensions(
      [ext('citext', 'public', { version: '1.6' }), ext('pg_trgm', 'ext', { version: '1.4' })],
      [ext('pg_trgm', 'public', { version: '1.3' }), ext('hstore', 'public', { version: '1.8' })],
      all,
    );
    expect(r.findings.map((f) => [f.kind, f.message])).toEqual([
      ['missing_extension', "extension citext is missing (expected in schema public, version '1.6')"],
      ['unexpected_extension', "extension hstore is not in the expected schema (version '1.8', in schema public)"],
      ['extension_mismatch', "extension pg_trgm differs: version '1.3', expected version '1.4'; in schema public, expected ext"],
    ]);
    expect(r.findings[2]).toMatchObject({ object: { schema: 'ext', extension: 'pg_trgm' }, expected: { schema: 'ext', version: '1.4' }, actual: { schema: 'public', version: '1.3' } });
    expect(r.present).toEqual([{ kind: 'extension', object: { schema: 'ext', extension: 'pg_trgm' }, identical: false }]);
  });

  test('any version: a null expected version matches every version, and says so when missing', () => {
    const r = compareExtensions([ext('citext', 'public', { version: null }), ext('hstore', 'public', { version: null })], [ext('citext', 'public', { version: '1.6' })], all);
    expect(r.findings.map((f) => f.message)).toEqual(['extension hstore is missing (expected in schema public, any version)']);
    expect(r.present).toEqual([{ kind: 'extension', object: { schema: 'public', extension: 'citext' }, identical: true }]);
  });

  test('only extensions in audited schemas: either side of a pair', () => {
    const inPublic = (s: string): boolean => s === 'public';
    const r = compareExtensions([ext('a', 'ext'), ext('c', 'public')], [ext('b', 'ext'), ext('c', 'ext')], inPublic);
    expect(r.findings.map((f) => f.kind)).toEqual(['extension_mismatch']);
  });

  test('names are quoted as PostgreSQL needs', () => {
    const r = compareExtensions([ext('uuid-ossp')], [], all);
    expect(r.findings[0]?.message).toMatch(/^extension "uuid-ossp" is missing/);
  });
});
