import { indexStatements } from './ddl.js';
import { INDEX_CATALOG } from './catalog.js';
import { INDEX_FINDINGS } from './findings.js';
import { INDEX_PLAN } from './plan.js';
import { INDEX_WORDS } from './words.js';
import { indexCommentedObjects } from '../table/comments.js';
export const indexKind = {
    name: 'index',
    noun: { one: 'index', many: 'indexes' },
    placement: { container: 'table', list: 'indexes' },
    objectField: 'index',
    findings: INDEX_FINDINGS,
    compare: null,
    listsMissingApart: true,
    ddl: { indexes: indexStatements },
    plan: INDEX_PLAN,
    words: INDEX_WORDS,
    spec: null,
    catalog: INDEX_CATALOG,
    comments: indexCommentedObjects,
};
//# sourceMappingURL=index.js.map