/** Compare domains: presence, then base type, default, NOT NULL, collation, and named checks. */
import { diffKeyed } from '../../diff/diff-keyed.js';
import { describedBy, qualified } from '../../findings/words.js';
import { objectKey, quoteIdent } from '../../model/identifiers.js';
import { DOMAIN_ASPECTS, domainAspects } from './findings.js';
function domainObject(d) {
    return { schema: d.schema, domain: d.name };
}
/** A check's definition without ` NOT VALID`: a check not yet validated still holds for every new value. */
export function checkDefinition(definition) {
    return definition.replace(/\s+NOT VALID$/, '');
}
export function domainSettings(d) {
    return { baseType: d.baseType, default: d.default, notNull: d.notNull, collation: d.collation };
}
function settingText(s, field) {
    switch (field) {
        case 'baseType':
            return `base type ${s.baseType}`;
        case 'default':
            return s.default === null ? 'no default' : `default ${s.default}`;
        case 'notNull':
            return s.notNull ? 'NOT NULL' : 'no NOT NULL';
        case 'collation':
            return s.collation === null ? 'the default collation' : `collation ${s.collation}`;
    }
}
/** `default 0 (expected no default), NOT NULL (expected no NOT NULL)`. */
export function domainDifferences(e, a) {
    const differing = new Set(domainAspects(e, a));
    return DOMAIN_ASPECTS.filter(([, aspect]) => differing.has(aspect))
        .map(([field]) => `${settingText(a, field)} (expected ${settingText(e, field)})`)
        .join(', ');
}
/** The checks of a domain on both sides, by name. */
export function compareDomainChecks(e, a) {
    const out = [];
    const name = qualified(e.schema, e.name);
    const checks = (d) => d.checks.map((c) => ({ name: c.name, definition: checkDefinition(c.definition) }));
    const diff = diffKeyed(checks(e), checks(a), (c) => c.name);
    const object = (c) => ({ ...domainObject(e), constraint: c.name });
    for (const c of diff.missing) {
        out.push({ kind: 'domain_check_missing', object: object(c), expected: c, actual: null, message: `domain ${name} is missing check ${quoteIdent(c.name)}: ${c.definition}` });
    }
    for (const c of diff.unexpected) {
        out.push({
            kind: 'domain_check_unexpected',
            object: object(c),
            expected: null,
            actual: c,
            message: `domain ${name} has check ${quoteIdent(c.name)}, which is not in the expected schema: ${c.definition}`,
        });
    }
    for (const { expected: ec, actual: ac } of diff.common) {
        if (ec.definition === ac.definition)
            continue;
        out.push({
            kind: 'domain_check_mismatch',
            object: object(ec),
            expected: ec,
            actual: ac,
            message: `domain ${name} has check ${quoteIdent(ec.name)} ${ac.definition}, expected ${ec.definition}`,
        });
    }
    return out;
}
/** Match domains by (schema, name) and compare those on both sides. */
export function compareDomains(expected, actual) {
    const out = { findings: [], present: [] };
    const diff = diffKeyed(expected, actual, (d) => objectKey(d.schema, d.name));
    for (const e of diff.missing) {
        out.findings.push({ kind: 'missing_domain', object: domainObject(e), expected: e, actual: null, message: `domain ${qualified(e.schema, e.name)} is missing (expected base type ${e.baseType})` });
    }
    for (const a of diff.unexpected) {
        out.findings.push({
            kind: 'unexpected_domain',
            object: domainObject(a),
            expected: null,
            actual: a,
            message: `domain ${qualified(a.schema, a.name)} is not in the expected schema (base type ${a.baseType})`,
        });
    }
    for (const { expected: e, actual: a } of diff.common) {
        const findings = [];
        const [es, as] = [domainSettings(e), domainSettings(a)];
        if (domainAspects(es, as).length > 0) {
            findings.push({ kind: 'domain_mismatch', object: domainObject(e), expected: es, actual: as, message: `domain ${qualified(e.schema, e.name)} has ${domainDifferences(es, as)}` });
        }
        findings.push(...compareDomainChecks(e, a));
        out.findings.push(...findings);
        out.present.push({ kind: 'domain', object: domainObject(e), ...describedBy(e.comment), identical: findings.length === 0 });
    }
    return out;
}
//# sourceMappingURL=compare.js.map