/** Views and materialized views: compared by the server's deparse of their query, options, columns, population and indexes. */
import { objectKey, qualifiedName } from '../../model/identifiers.js';
import { VIEW_CATALOG } from './catalog.js';
import { viewComments, viewObjects } from './ddl.js';
import { VIEW_PLAN } from './plan.js';
import { VIEW_SPEC } from './spec.js';
import { compareViews } from './compare.js';
import { VIEW_FINDINGS } from './findings.js';
import { VIEW_WORDS } from './words.js';
export const viewKind = {
    name: 'view',
    noun: { one: 'view', many: 'views' },
    placement: { section: 'views' },
    objectField: 'view',
    findings: VIEW_FINDINGS,
    compare: (expected, actual, inScope) => compareViews(expected.views.filter((v) => inScope(v.schema)), actual.views.filter((v) => inScope(v.schema))),
    listsMissingApart: false,
    ddl: { views: viewObjects, comments: viewComments },
    plan: VIEW_PLAN,
    words: VIEW_WORDS,
    spec: VIEW_SPEC,
    catalog: VIEW_CATALOG,
    comments: (model) => model.views.map((v) => ({
        key: `view:${objectKey(v.schema, v.name)}`,
        kind: 'view',
        object: { schema: v.schema, view: v.name },
        target: `${v.kind === 'materialized_view' ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualifiedName(v.schema, v.name)}`,
        comment: v.comment,
    })),
};
//# sourceMappingURL=index.js.map