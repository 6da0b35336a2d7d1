/** Views and materialized views: compared by the server's deparse of their query, options, columns, population and indexes; a view's triggers through the trigger kind. */
import { objectKey, qualifiedName } from '../../model/identifiers.js';
import type { ObjectKind } from '../kind.js';
import { VIEW_CATALOG } from './catalog.js';
import { viewComments, viewObjects, viewTriggers } from './ddl.js';
import { VIEW_PLAN } from './plan.js';
import { VIEW_SPEC } from './spec.js';
import { compareViews } from './compare.js';
import { VIEW_FINDINGS, type ViewFinding } from './findings.js';
import { VIEW_WORDS } from './words.js';
import type { TriggerFinding } from '../trigger/findings.js';

export const viewKind: ObjectKind<ViewFinding, ViewFinding | TriggerFinding> = {
  name: 'view',
  noun: { one: 'view', many: 'views' },
  placement: { section: 'views' },
  objectField: 'view',
  findings: VIEW_FINDINGS,
  compare: (expected, actual, inScope) =>
    compareViews(
      expected.views.filter((v) => inScope(v.schema)),
      actual.views.filter((v) => inScope(v.schema)),
    ),
  listsMissingApart: false,
  ddl: { views: viewObjects, triggers: viewTriggers, comments: viewComments },
  plan: VIEW_PLAN,
  words: VIEW_WORDS,
  spec: VIEW_SPEC,
  catalog: VIEW_CATALOG,
  comments: (model) =>
    model.views.map((v) => ({
      key: `view:${objectKey(v.schema, v.name)}`,
      kind: 'view',
      object: { schema: v.schema, view: v.name },
      target: `${v.kind === 'materialized_view' ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualifiedName(v.schema, v.name)}`,
      comment: v.comment,
    })),
};
