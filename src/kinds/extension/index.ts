/**
 * Extensions. Known limitation: not compared; the plan creates the expected
 * schema's extensions the database lacks before new tables and columns.
 */
import type { ObjectKind } from '../kind.js';
import { extensionObjects } from './ddl.js';
import { EXTENSION_SPEC } from './spec.js';
import { EXTENSION_CATALOG } from './catalog.js';

export const extensionKind: ObjectKind<never> = {
  name: 'extension',
  noun: { one: 'extension', many: 'extensions' },
  placement: { section: 'extensions' },
  objectField: null,
  findings: {},
  compare: null,
  listsMissingApart: false,
  ddl: { objects: extensionObjects },
  plan: { findings: {} },
  words: {},
  spec: EXTENSION_SPEC,
  catalog: EXTENSION_CATALOG,
};
