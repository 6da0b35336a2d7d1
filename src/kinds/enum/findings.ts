/**
 * What the diff reports about enum types, with the default severity of each
 * finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { EnumType } from './model.js';

export type EnumFinding =
  | Finding<'missing_enum', Described<EnumType>, null>
  | Finding<'unexpected_enum', null, EnumType>
  /** expected: the missing label. */
  | Finding<'enum_value_missing', string, null>
  /** actual: the label the expected schema lacks. */
  | Finding<'enum_value_unexpected', null, string>
  /** All labels of each side, in order. */
  | Finding<'enum_value_order_mismatch', readonly string[], readonly string[]>;

export const ENUM_FINDINGS: FindingDefinitions<EnumFinding> = {
  // The application's casts and writes of the type fail.
  missing_enum: { severity: 'error', effect: 'missing', noun: { one: 'missing enum', many: 'missing enums' }, aspects: wholeObject },
  // Something extra the application does not use.
  unexpected_enum: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected enum', many: 'unexpected enums' }, aspects: wholeObject },
  // Writes of that label fail.
  enum_value_missing: {
    severity: 'error',
    effect: 'missing',
    noun: { one: 'missing enum value', many: 'missing enum values' },
    aspects: wholeObject,
  },
  // The application cannot read rows that carry it.
  enum_value_unexpected: {
    severity: 'warning',
    effect: 'unexpected',
    noun: { one: 'unexpected enum value', many: 'unexpected enum values' },
    aspects: wholeObject,
  },
  // ORDER BY and comparisons of the type change.
  enum_value_order_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'enum value order difference', many: 'enum value order differences' },
    aspects: () => ['order'],
  },
};
