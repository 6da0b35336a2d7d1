/**
 * What the diff reports about functions, procedures and aggregates, with the
 * default severity of each finding kind and why. Overloads are distinct
 * objects: schema, name and identity arguments.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { Routine } from './model.js';
export type FunctionFinding = Finding<'missing_function', Described<Routine>, null> | Finding<'unexpected_function', null, Routine> | Finding<'function_definition_mismatch', Routine, Routine>;
export declare const FUNCTION_FINDINGS: FindingDefinitions<FunctionFinding>;
