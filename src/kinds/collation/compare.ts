/** Compare collations: presence, then provider, locale, LC_COLLATE/LC_CTYPE, ICU rules, deterministic (never the version). */
import { diffKeyed } from '../../diff/diff-keyed.js';
import type { Comparison, FindingObject } from '../../findings/finding.js';
import { describedBy, qualified } from '../../findings/words.js';
import { objectKey, quoteLiteral } from '../../model/identifiers.js';
import { collationAspects, type CollationFinding, type CollationShape } from './findings.js';
import type { Collation } from './model.js';

export function collationObject(c: { readonly schema: string; readonly name: string }): FindingObject {
  return { schema: c.schema, collation: c.name };
}

export function collationShape(c: CollationShape): CollationShape {
  return { provider: c.provider, locale: c.locale, lcCollate: c.lcCollate, lcCtype: c.lcCtype, rules: c.rules, deterministic: c.deterministic };
}

/** `provider icu, locale 'en-u-kn-true', nondeterministic`: a collation's definition in one line. */
export function collationText(c: CollationShape): string {
  const parts = [`provider ${c.provider}`];
  if (c.locale !== null) parts.push(`locale ${quoteLiteral(c.locale)}`);
  if (c.lcCollate !== null) parts.push(`lc_collate ${quoteLiteral(c.lcCollate)}`);
  if (c.lcCtype !== null) parts.push(`lc_ctype ${quoteLiteral(c.lcCtype)}`);
  if (c.rules !== null) parts.push(`rules ${quoteLiteral(c.rules)}`);
  if (!c.deterministic) parts.push('nondeterministic');
  return parts.join(', ');
}

/** Match collations by (schema, name) and compare those on both sides. */
export function compareCollations(expected: readonly Collation[], actual: readonly Collation[]): Comparison<CollationFinding> {
  const out: Comparison<CollationFinding> = { findings: [], present: [] };
  const diff = diffKeyed(expected, actual, (c) => objectKey(c.schema, c.name));
  for (const e of diff.missing) {
    out.findings.push({
      kind: 'missing_collation',
      object: collationObject(e),
      expected: e,
      actual: null,
      message: `collation ${qualified(e.schema, e.name)} is missing (expected ${collationText(e)})`,
    });
  }
  for (const a of diff.unexpected) {
    out.findings.push({
      kind: 'unexpected_collation',
      object: collationObject(a),
      expected: null,
      actual: a,
      message: `collation ${qualified(a.schema, a.name)} is not in the expected schema (${collationText(a)})`,
    });
  }
  for (const { expected: e, actual: a } of diff.common) {
    const differs = collationAspects(e, a).length > 0;
    if (differs) {
      out.findings.push({
        kind: 'collation_mismatch',
        object: collationObject(e),
        expected: collationShape(e),
        actual: collationShape(a),
        message: `collation ${qualified(e.schema, e.name)} is ${collationText(a)}, expected ${collationText(e)}`,
      });
    }
    out.present.push({ kind: 'collation', object: collationObject(e), ...describedBy(e.comment), identical: !differs });
  }
  return out;
}
