/** Table constraints (primary key, unique, foreign key, check, exclusion): compared by their table. */
import type { ObjectKind } from '../kind.js';
import { CONSTRAINT_CATALOG } from './catalog.js';
import { CONSTRAINT_FINDINGS, type ConstraintFinding } from './findings.js';

export const constraintKind: ObjectKind<ConstraintFinding> = {
  name: 'constraint',
  noun: { one: 'constraint', many: 'constraints' },
  placement: { container: 'table', list: 'constraints' },
  objectField: 'constraint',
  findings: CONSTRAINT_FINDINGS,
  compare: null,
  listsMissingApart: true,
  catalog: CONSTRAINT_CATALOG,
};
