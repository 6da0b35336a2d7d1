/**
 * What the diff reports about the constraints of a table present on both
 * sides, with the default severity of each finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import { constraintAspects } from './shape.js';
import type { Constraint } from './model.js';

export type ConstraintFinding =
  | Finding<'missing_constraint', Described<Constraint>, null>
  | Finding<'unexpected_constraint', null, Constraint>
  | Finding<'constraint_mismatch', Constraint, Constraint>;

export const CONSTRAINT_FINDINGS: FindingDefinitions<ConstraintFinding> = {
  // A guarantee the application relies on is not enforced.
  missing_constraint: {
    severity: 'error',
    effect: 'missing',
    noun: { one: 'missing constraint', many: 'missing constraints' },
    aspects: wholeObject,
  },
  // It restricts writes the application expects to succeed.
  unexpected_constraint: {
    severity: 'warning',
    effect: 'unexpected',
    noun: { one: 'unexpected constraint', many: 'unexpected constraints' },
    aspects: wholeObject,
  },
  // It exists but enforces something else.
  constraint_mismatch: {
    severity: 'error',
    effect: 'mismatch',
    noun: { one: 'constraint difference', many: 'constraint differences' },
    aspects: constraintAspects,
  },
};
