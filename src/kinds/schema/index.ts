/**
 * Schemas (namespaces): compared by presence; what they hold is each kind's,
 * their comments the comment kind's, their owners and grants the privilege
 * kind's. System schemas and those an extension created are left out.
 */
import type { ObjectKind } from '../kind.js';
import { compareSchemas } from './compare.js';
import { SCHEMA_FINDINGS, type SchemaFinding } from './findings.js';
import { SCHEMA_PLAN } from './plan.js';
import { SCHEMA_WORDS } from './words.js';
import { schemaObjects } from './ddl.js';
import { SCHEMA_SPEC } from './spec.js';
import { SCHEMA_CATALOG } from './catalog.js';
import { schemaComments } from './comments.js';

export const schemaKind: ObjectKind<SchemaFinding> = {
  name: 'schema',
  noun: { one: 'schema', many: 'schemas' },
  placement: { section: 'schemas' },
  objectField: null,
  findings: SCHEMA_FINDINGS,
  compare: (expected, actual, inScope) =>
    compareSchemas(
      expected.schemas.filter((s) => inScope(s.name)),
      actual.schemas.filter((s) => inScope(s.name)),
    ),
  listsMissingApart: false,
  ddl: { objects: schemaObjects },
  plan: SCHEMA_PLAN,
  words: SCHEMA_WORDS,
  spec: SCHEMA_SPEC,
  catalog: SCHEMA_CATALOG,
  comments: schemaComments,
};
