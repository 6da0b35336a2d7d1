/** The domain kind's words: the Other Drift cells, texts as code. */
import { domain } from '../../../test/plan/builders.js';
import { domainSettings } from './compare.js';
import { DOMAIN_WORDS } from './words.js';

const base = { id: 'x', category: 'drift', severity: 'warning', object: { schema: 'app', domain: 'd' }, message: '' } as const;
const d = domain('app', 'd', 'integer', { notNull: true, default: '0', checks: [{ name: 'positive', definition: 'CHECK ((VALUE > 0))' }] });

test('the whole domain', () => {
  expect(DOMAIN_WORDS.missing_domain.otherDriftCell({ ...base, kind: 'missing_domain', expected: d, actual: null }, [])).toBe(
    'Domain is missing; expected `integer`, NOT NULL, default `0`, checks `positive`',
  );
  expect(DOMAIN_WORDS.unexpected_domain.otherDriftCell({ ...base, kind: 'unexpected_domain', expected: null, actual: { ...d, checks: [], collation: 'C' } }, [])).toBe(
    'Domain not in the expected schema; `integer`, NOT NULL, default `0`, collation `C`',
  );
});

test('a mismatch, escaped; the checks as code', () => {
  const e = domainSettings(d);
  expect(DOMAIN_WORDS.domain_mismatch.otherDriftCell({ ...base, kind: 'domain_mismatch', expected: e, actual: { ...e, default: "'*'::text" } }, ['default'])).toBe(
    "Domain has default '\\*'::text (expected default 0)",
  );
  const c = { name: 'positive', definition: 'CHECK ((VALUE > 0))' };
  const o = { ...base, object: { ...base.object, constraint: 'positive' } };
  expect(DOMAIN_WORDS.domain_check_missing.otherDriftCell({ ...o, kind: 'domain_check_missing', expected: c, actual: null }, [])).toBe('Check is missing; expected `CHECK ((VALUE > 0))`');
  expect(DOMAIN_WORDS.domain_check_unexpected.otherDriftCell({ ...o, kind: 'domain_check_unexpected', expected: null, actual: c }, [])).toBe(
    'Check not in the expected schema: `CHECK ((VALUE > 0))`',
  );
  expect(
    DOMAIN_WORDS.domain_check_mismatch.otherDriftCell({ ...o, kind: 'domain_check_mismatch', expected: c, actual: { ...c, definition: 'CHECK ((VALUE > 1))' } }, ['definition']),
  ).toBe('Check is `CHECK ((VALUE > 1))`; expected `CHECK ((VALUE > 0))`');
  expect(DOMAIN_WORDS.domain_check_missing.subject).toEqual({ one: 'domain check', many: 'domain checks' });
});
