/**
 * Domains. Known limitation: not compared; the plan creates an expected
 * domain a new column needs.
 */
import type { ObjectKind } from '../kind.js';
import { DOMAIN_CATALOG } from './catalog.js';

export const domainKind: ObjectKind<never> = {
  name: 'domain',
  noun: { one: 'domain', many: 'domains' },
  placement: { section: 'domains' },
  objectField: null,
  findings: {},
  compare: null,
  listsMissingApart: false,
  catalog: DOMAIN_CATALOG,
};
