/**
 * Collations (`CREATE COLLATION`): provider, locale (or LC_COLLATE and
 * LC_CTYPE), ICU rules and determinism compared, never the version (the
 * operating system's or ICU's library version, not the schema's); the
 * comment is given to the comment kind. PostgreSQL's own collations and
 * extensions' are left out.
 */
import type { ObjectKind } from '../kind.js';
import { COLLATION_CATALOG } from './catalog.js';
import { collationCommentedObjects } from './comments.js';
import { compareCollations } from './compare.js';
import { collationComments, collationObjects } from './ddl.js';
import { COLLATION_FINDINGS, type CollationFinding } from './findings.js';
import { COLLATION_PLAN } from './plan.js';
import { COLLATION_SPEC } from './spec.js';
import { COLLATION_WORDS } from './words.js';

export const collationKind: ObjectKind<CollationFinding> = {
  name: 'collation',
  noun: { one: 'collation', many: 'collations' },
  placement: { section: 'collations' },
  objectField: 'collation',
  findings: COLLATION_FINDINGS,
  compare: (expected, actual, inScope) =>
    compareCollations(
      expected.collations.filter((c) => inScope(c.schema)),
      actual.collations.filter((c) => inScope(c.schema)),
    ),
  listsMissingApart: false,
  ddl: { objects: collationObjects, comments: collationComments },
  plan: COLLATION_PLAN,
  words: COLLATION_WORDS,
  spec: COLLATION_SPEC,
  catalog: COLLATION_CATALOG,
  comments: collationCommentedObjects,
};
