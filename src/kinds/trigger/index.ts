/** Triggers of tables. Known limitation: listed in the model, not compared. */
import type { ObjectKind } from '../kind.js';
import { TRIGGER_CATALOG } from './catalog.js';

export const triggerKind: ObjectKind<never> = {
  name: 'trigger',
  noun: { one: 'trigger', many: 'triggers' },
  placement: { container: 'table', list: 'triggers' },
  objectField: null,
  findings: {},
  compare: null,
  listsMissingApart: false,
  ddl: null,
  plan: { findings: {} },
  words: {},
  spec: null,
  catalog: TRIGGER_CATALOG,
};
