/** Domains in the words of the reports: the Other Drift cell of each domain finding kind. */
import { code, escapeMarkdown } from '../../render/markdown/syntax.js';
import { domainDifferences } from './compare.js';
const DOMAIN = { one: 'domain', many: 'domains' };
const CHECK = { one: 'domain check', many: 'domain checks' };
/** `` `integer`, NOT NULL, default `0`, 1 check ``. */
function domainText(d) {
    const parts = [code(d.baseType)];
    if (d.notNull)
        parts.push('NOT NULL');
    if (d.default !== null)
        parts.push(`default ${code(d.default)}`);
    if (d.collation !== null)
        parts.push(`collation ${code(d.collation)}`);
    if (d.checks.length > 0)
        parts.push(`checks ${d.checks.map((c) => code(c.name)).join(', ')}`);
    return parts.join(', ');
}
/** The words of each domain finding kind. */
export const DOMAIN_WORDS = {
    missing_domain: { subject: DOMAIN, otherDriftCell: (f) => `Domain is missing; expected ${domainText(f.expected)}` },
    unexpected_domain: { subject: DOMAIN, otherDriftCell: (f) => `Domain not in the expected schema; ${domainText(f.actual)}` },
    domain_mismatch: { subject: DOMAIN, otherDriftCell: (f) => `Domain has ${escapeMarkdown(domainDifferences(f.expected, f.actual))}` },
    domain_check_missing: { subject: CHECK, otherDriftCell: (f) => `Check is missing; expected ${code(f.expected.definition)}` },
    domain_check_unexpected: { subject: CHECK, otherDriftCell: (f) => `Check not in the expected schema: ${code(f.actual.definition)}` },
    domain_check_mismatch: { subject: CHECK, otherDriftCell: (f) => `Check is ${code(f.actual.definition)}; expected ${code(f.expected.definition)}` },
};
//# sourceMappingURL=words.js.map