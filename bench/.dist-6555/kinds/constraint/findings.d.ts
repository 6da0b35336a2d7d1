/**
 * What the diff reports about the constraints of a table present on both
 * sides, with the default severity of each finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { Constraint } from './model.js';
export type ConstraintFinding = Finding<'missing_constraint', Described<Constraint>, null> | Finding<'unexpected_constraint', null, Constraint> | Finding<'constraint_mismatch', Constraint, Constraint>;
export declare const CONSTRAINT_FINDINGS: FindingDefinitions<ConstraintFinding>;
