import { compareComments } from './compare.js';
import { COMMENT_FINDINGS } from './findings.js';
import { commentPlan } from './plan.js';
import { COMMENT_WORDS } from './words.js';
export function commentKind(kinds) {
    return {
        name: 'comment',
        noun: { one: 'comment', many: 'comments' },
        placement: { across: 'kinds' },
        objectField: null,
        findings: COMMENT_FINDINGS,
        compare: (expected, actual, inScope) => compareComments(kinds, expected, actual, inScope),
        listsMissingApart: false,
        ddl: null,
        plan: commentPlan(kinds),
        words: COMMENT_WORDS,
        spec: null,
        catalog: { role: 'none' },
    };
}
//# sourceMappingURL=index.js.map