/**
 * What the diff reports about functions, procedures and aggregates, with the
 * default severity of each finding kind and why. Overloads are distinct
 * objects: schema, name and identity arguments.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { Routine } from './model.js';
import { routineAspects } from './shape.js';

export type FunctionFinding =
  | Finding<'missing_function', Described<Routine>, null>
  | Finding<'unexpected_function', null, Routine>
  | Finding<'function_definition_mismatch', Routine, Routine>;

export const FUNCTION_FINDINGS: FindingDefinitions<FunctionFinding> = {
  // Calls fail, and so do the defaults, checks, triggers and views that use it.
  missing_function: { severity: 'error', effect: 'missing', noun: { one: 'missing function', many: 'missing functions' }, aspects: wholeObject },
  // Something extra the application does not call (or an overload that may be called instead of the expected one).
  unexpected_function: {
    severity: 'info',
    effect: 'unexpected',
    noun: { one: 'unexpected function', many: 'unexpected functions' },
    aspects: wholeObject,
  },
  // It runs, but does something else (another body), or under other rules (security definer, search_path).
  function_definition_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'function definition difference', many: 'function definition differences' },
    aspects: routineAspects,
  },
};
