/**
 * Row-level security: whether a table enforces it (ENABLE, FORCE: the
 * table's flags) and its policies. Compared by their table (see
 * table/compare.ts), planned in the `policies` and `row_security` phases.
 */
import type { CommentedObject, ObjectKind } from '../kind.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { displayName, objectKey, quoteIdent } from '../../model/identifiers.js';
import { POLICY_CATALOG } from './catalog.js';
import { policyComments, policyStatements } from './ddl.js';
import { POLICY_FINDINGS, type PolicyFinding } from './findings.js';
import { POLICY_PLAN } from './plan.js';
import { POLICY_WORDS } from './words.js';

/** Every policy of a model, as the comment kind compares their comments. */
function* policyCommentObjects(model: SchemaModel): Iterable<CommentedObject> {
  for (const t of model.tables) {
    for (const p of t.policies ?? []) {
      yield {
        key: `policy:${objectKey(t.schema, t.name, p.name)}`,
        kind: 'policy',
        object: { schema: t.schema, table: t.name, policy: p.name },
        target: `POLICY ${quoteIdent(p.name)} ON ${displayName(t.schema, t.name)}`,
        comment: p.comment,
      };
    }
  }
}

export const policyKind: ObjectKind<PolicyFinding> = {
  name: 'policy',
  noun: { one: 'policy', many: 'policies' },
  placement: { container: 'table', list: 'policies' },
  objectField: 'policy',
  findings: POLICY_FINDINGS,
  compare: null,
  listsMissingApart: false,
  ddl: { policies: policyStatements, comments: policyComments },
  plan: POLICY_PLAN,
  words: POLICY_WORDS,
  spec: null,
  catalog: POLICY_CATALOG,
  comments: policyCommentObjects,
};
