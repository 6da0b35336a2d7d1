import { sequenceLinks, sequenceObjects } from './ddl.js';
import { SEQUENCE_SPEC } from './spec.js';
import { SEQUENCE_CATALOG } from './catalog.js';
import { compareSequences } from './compare.js';
import { SEQUENCE_FINDINGS } from './findings.js';
import { SEQUENCE_PLAN } from './plan.js';
import { SEQUENCE_WORDS } from './words.js';
import { sequenceComments } from './comments.js';
export const sequenceKind = {
    name: 'sequence',
    noun: { one: 'sequence', many: 'sequences' },
    placement: { section: 'sequences' },
    objectField: 'sequence',
    findings: SEQUENCE_FINDINGS,
    compare: (expected, actual, inScope) => compareSequences(expected.sequences.filter((s) => inScope(s.schema)), actual.sequences.filter((s) => inScope(s.schema))),
    listsMissingApart: false,
    ddl: { objects: sequenceObjects, links: sequenceLinks },
    plan: SEQUENCE_PLAN,
    words: SEQUENCE_WORDS,
    spec: SEQUENCE_SPEC,
    catalog: SEQUENCE_CATALOG,
    comments: sequenceComments,
};
//# sourceMappingURL=index.js.map