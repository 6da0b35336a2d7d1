/**
 * Schemas (namespaces). Known limitation: not compared as objects of their
 * own; a missing schema shows through the objects it should hold, and the
 * plan creates it for them.
 */
import type { ObjectKind } from '../kind.js';
import { schemaObjects } from './ddl.js';
import { SCHEMA_SPEC } from './spec.js';
import { SCHEMA_CATALOG } from './catalog.js';
import { schemaComments } from './comments.js';

export const schemaKind: ObjectKind<never> = {
  name: 'schema',
  noun: { one: 'schema', many: 'schemas' },
  placement: { section: 'schemas' },
  objectField: null,
  findings: {},
  compare: null,
  listsMissingApart: false,
  ddl: { objects: schemaObjects },
  plan: { findings: {} },
  words: {},
  spec: SCHEMA_SPEC,
  catalog: SCHEMA_CATALOG,
  comments: schemaComments,
};
