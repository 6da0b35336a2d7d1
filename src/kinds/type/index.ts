/**
 * Composite and range types (`CREATE TYPE … AS (…)`, `… AS RANGE`): a
 * composite type's attributes and a range type's subtype, collation,
 * canonical and subtype difference functions compared; the comment is given
 * to the comment kind. Tables' row types and extensions' types are left out.
 */
import type { ObjectKind } from '../kind.js';
import { TYPE_CATALOG } from './catalog.js';
import { typeCommentedObjects } from './comments.js';
import { compareTypes } from './compare.js';
import { typeComments, typeObjects } from './ddl.js';
import { TYPE_FINDINGS, type TypeFinding } from './findings.js';
import { TYPE_PLAN } from './plan.js';
import { TYPE_SPEC } from './spec.js';
import { TYPE_WORDS } from './words.js';

export const typeKind: ObjectKind<TypeFinding> = {
  name: 'type',
  noun: { one: 'type', many: 'types' },
  placement: { section: 'types' },
  objectField: 'type',
  findings: TYPE_FINDINGS,
  compare: (expected, actual, inScope) =>
    compareTypes(
      expected.types.filter((t) => inScope(t.schema)),
      actual.types.filter((t) => inScope(t.schema)),
    ),
  listsMissingApart: false,
  ddl: { objects: typeObjects, comments: typeComments },
  plan: TYPE_PLAN,
  words: TYPE_WORDS,
  spec: TYPE_SPEC,
  catalog: TYPE_CATALOG,
  comments: typeCommentedObjects,
};
