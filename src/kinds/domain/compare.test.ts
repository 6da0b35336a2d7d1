import { domain } from '../../../test/plan/builders.js';
import { DOMAIN_FINDINGS } from './findings.js';
import { compareDomains } from './compare.js';

const check = (name: string, definition: string) => ({ name, definition });

describe('compareDomains', () => {
  test('missing and unexpected domains', () => {
    const r = compareDomains([domain('app', 'a', 'integer')], [domain('app', 'b', 'text')]);
    expect(r.findings.map((f) => [f.kind, f.object, f.message])).toEqual([
      ['missing_domain', { schema: 'app', domain: 'a' }, 'domain app.a is missing (expected base type integer)'],
      ['unexpected_domain', { schema: 'app', domain: 'b' }, 'domain app.b is not in the expected schema (base type text)'],
    ]);
  });

  test('base type, default, NOT NULL and collation in one finding, with its aspects', () => {
    const e = domain('app', 'd', 'integer', { default: '0', collation: null });
    const a = domain('app', 'd', 'bigint', { notNull: true, collation: 'C' });
    const r = compareDomains([e], [a]);
    const f = r.findings[0]!;
    expect(f.message).toBe(
      'domain app.d has base type bigint (expected base type integer), no default (expected default 0), NOT NULL (expected no NOT NULL), collation C (expected the default collation)',
    );
    expect(DOMAIN_FINDINGS.domain_mismatch.aspects(f.expected as never, f.actual as never)).toEqual(['type', 'default', 'notNull', 'collation']);
    expect(r.present).toEqual([{ kind: 'domain', object: { schema: 'app', domain: 'd' }, identical: false }]);
  });

  test('checks by name: missing, unexpected, changed; NOT VALID is no difference', () => {
    const e = domain('app', 'd', 'integer', { checks: [check('a', 'CHECK ((VALUE > 0))'), check('b', 'CHECK ((VALUE < 10))'), check('c', 'CHECK ((VALUE <> 5))')] });
    const a = domain('app', 'd', 'integer', { checks: [check('b', 'CHECK ((VALUE < 20))'), check('c', 'CHECK ((VALUE <> 5)) NOT VALID'), check('z', 'CHECK ((VALUE <> 7))')] });
    const r = compareDomains([e], [a]);
    expect(r.findings.map((f) => [f.kind, f.object.constraint, f.expected, f.actual])).toEqual([
      ['domain_check_missing', 'a', check('a', 'CHECK ((VALUE > 0))'), null],
      ['domain_check_unexpected', 'z', null, check('z', 'CHECK ((VALUE <> 7))')],
      ['domain_check_mismatch', 'b', check('b', 'CHECK ((VALUE < 10))'), check('b', 'CHECK ((VALUE < 20))')],
    ]);
    expect(r.findings[2]?.message).toBe('domain app.d has check b CHECK ((VALUE < 20)), expected CHECK ((VALUE < 10))');
  });

  test('equal domains: present, identical, with the expected comment as description', () => {
    const r = compareDomains([domain('app', 'd', 'integer', { comment: 'a year' })], [domain('app', 'd', 'integer', { comment: 'other' })]);
    expect(r.findings).toEqual([]);
    expect(r.present).toEqual([{ kind: 'domain', object: { schema: 'app', domain: 'd' }, description: 'a year', identical: true }]);
  });
});
