/** Views and materialized views. Known limitation: listed in the model, not compared. */
import type { ObjectKind } from '../kind.js';
import { VIEW_CATALOG } from './catalog.js';

export const viewKind: ObjectKind<never> = {
  name: 'view',
  noun: { one: 'view', many: 'views' },
  placement: { section: 'views' },
  objectField: null,
  findings: {},
  compare: null,
  listsMissingApart: false,
  ddl: null,
  plan: { findings: {} },
  words: {},
  spec: null,
  catalog: VIEW_CATALOG,
};
