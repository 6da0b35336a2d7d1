/**
 * Schemas (namespaces). Known limitation: not compared as objects of their
 * own; a missing schema shows through the objects it should hold, and the
 * plan creates it for them.
 */
import type { ObjectKind } from '../kind.js';
import { SCHEMA_CATALOG } from './catalog.js';

export const schemaKind: ObjectKind<never> = {
  name: 'schema',
  noun: { one: 'schema', many: 'schemas' },
  placement: { section: 'schemas' },
  objectField: null,
  findings: {},
  compare: null,
  listsMissingApart: false,
  catalog: SCHEMA_CATALOG,
};
