import { domainComments, domainObjects } from './ddl.js';
import { DOMAIN_SPEC } from './spec.js';
import { DOMAIN_CATALOG } from './catalog.js';
import { compareDomains } from './compare.js';
import { DOMAIN_FINDINGS } from './findings.js';
import { DOMAIN_PLAN } from './plan.js';
import { DOMAIN_WORDS } from './words.js';
import { domainCommentedObjects } from './comments.js';
export const domainKind = {
    name: 'domain',
    noun: { one: 'domain', many: 'domains' },
    placement: { section: 'domains' },
    objectField: 'domain',
    findings: DOMAIN_FINDINGS,
    compare: (expected, actual, inScope) => compareDomains(expected.domains.filter((d) => inScope(d.schema)), actual.domains.filter((d) => inScope(d.schema))),
    listsMissingApart: false,
    ddl: { objects: domainObjects, comments: domainComments },
    plan: DOMAIN_PLAN,
    words: DOMAIN_WORDS,
    spec: DOMAIN_SPEC,
    catalog: DOMAIN_CATALOG,
    comments: domainCommentedObjects,
};
//# sourceMappingURL=index.js.map