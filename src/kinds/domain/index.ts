/**
 * Domains. Known limitation: not compared; the plan creates an expected
 * domain a new column needs.
 */
import type { ObjectKind } from '../kind.js';
import { domainComments, domainObjects } from './ddl.js';
import { DOMAIN_SPEC } from './spec.js';
import { DOMAIN_CATALOG } from './catalog.js';
import { domainCommentedObjects } from './comments.js';

export const domainKind: ObjectKind<never> = {
  name: 'domain',
  noun: { one: 'domain', many: 'domains' },
  placement: { section: 'domains' },
  objectField: 'domain',
  findings: {},
  compare: null,
  listsMissingApart: false,
  ddl: { objects: domainObjects, comments: domainComments },
  plan: { findings: {} },
  words: {},
  spec: DOMAIN_SPEC,
  catalog: DOMAIN_CATALOG,
  comments: domainCommentedObjects,
};
