import { COLUMN_CATALOG } from './catalog.js';
import { COLUMN_FINDINGS } from './findings.js';
import { COLUMN_PLAN } from './plan.js';
import { COLUMN_WORDS } from './words.js';
import { columnCommentedObjects } from '../table/comments.js';
export const columnKind = {
    name: 'column',
    noun: { one: 'column', many: 'columns' },
    placement: { container: 'table', list: 'columns' },
    objectField: 'column',
    findings: COLUMN_FINDINGS,
    compare: null,
    listsMissingApart: true,
    ddl: null,
    plan: COLUMN_PLAN,
    words: COLUMN_WORDS,
    spec: null,
    catalog: COLUMN_CATALOG,
    comments: columnCommentedObjects,
};
//# sourceMappingURL=index.js.map