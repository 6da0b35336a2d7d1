import { constraintStatements } from './ddl.js';
import { CONSTRAINT_CATALOG } from './catalog.js';
import { CONSTRAINT_FINDINGS } from './findings.js';
import { CONSTRAINT_PLAN } from './plan.js';
import { CONSTRAINT_WORDS } from './words.js';
import { constraintCommentedObjects } from '../table/comments.js';
export const constraintKind = {
    name: 'constraint',
    noun: { one: 'constraint', many: 'constraints' },
    placement: { container: 'table', list: 'constraints' },
    objectField: 'constraint',
    findings: CONSTRAINT_FINDINGS,
    compare: null,
    listsMissingApart: true,
    ddl: { constraints: constraintStatements },
    plan: CONSTRAINT_PLAN,
    words: CONSTRAINT_WORDS,
    spec: null,
    catalog: CONSTRAINT_CATALOG,
    comments: constraintCommentedObjects,
};
//# sourceMappingURL=index.js.map