import { tableComments, tableObjects } from './ddl.js';
import { TABLE_CATALOG } from './catalog.js';
import { compareTables } from './compare.js';
import { TABLE_FINDINGS } from './findings.js';
import { TABLE_PLAN } from './plan.js';
import { TABLE_WORDS } from './words.js';
import { TABLE_SPEC } from './spec.js';
import { tableCommentedObjects } from './comments.js';
export const tableKind = {
    name: 'table',
    noun: { one: 'table', many: 'tables' },
    placement: { section: 'tables' },
    objectField: 'table',
    findings: TABLE_FINDINGS,
    // The table's comparison reports its members' findings too (see compareTable).
    compare: (expected, actual, inScope) => compareTables(expected.tables.filter((t) => inScope(t.schema)), actual.tables.filter((t) => inScope(t.schema))),
    listsMissingApart: true,
    ddl: { objects: tableObjects, comments: tableComments },
    plan: TABLE_PLAN,
    words: TABLE_WORDS,
    spec: TABLE_SPEC,
    catalog: TABLE_CATALOG,
    comments: tableCommentedObjects,
};
//# sourceMappingURL=index.js.map