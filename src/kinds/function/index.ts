/** Functions, procedures, aggregates and window functions. Known limitation: listed in the model, not compared. */
import type { ObjectKind } from '../kind.js';
import { FUNCTION_CATALOG } from './catalog.js';

export const functionKind: ObjectKind<never> = {
  name: 'function',
  noun: { one: 'function', many: 'functions' },
  placement: { section: 'functions' },
  objectField: null,
  findings: {},
  compare: null,
  listsMissingApart: false,
  ddl: null,
  plan: { findings: {} },
  words: {},
  spec: null,
  catalog: FUNCTION_CATALOG,
};
