/**
 * What the diff reports about composite and range types, with the default
 * severity of each finding kind and why.
 */
import type { Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { UserType } from './model.js';

/** A type's definition without its name and comment (the comment kind compares comments). */
export type TypeShape = Pick<UserType, 'kind' | 'attributes' | 'range'>;

/** The aspects in which two types differ: `kind`, `attributes`, `subtype`, `collation`, `canonical`, `subtypeDiff`. */
export function typeAspects(e: TypeShape, a: TypeShape): string[] {
  if (e.kind !== a.kind) return ['kind'];
  if (e.kind === 'composite') return JSON.stringify(e.attributes) === JSON.stringify(a.attributes) ? [] : ['attributes'];
  const er = e.range!;
  const ar = a.range!;
  return (['subtype', 'collation', 'canonical', 'subtypeDiff'] as const).filter((k) => er[k] !== ar[k]);
}

export type TypeFinding =
  | Finding<'missing_type', UserType, null>
  | Finding<'unexpected_type', null, UserType>
  | Finding<'type_mismatch', TypeShape, TypeShape>;

export const TYPE_FINDINGS: FindingDefinitions<TypeFinding> = {
  // Columns, functions and casts of the type fail to be created or used.
  missing_type: { severity: 'error', effect: 'missing', noun: { one: 'missing type', many: 'missing types' }, aspects: wholeObject },
  // Something extra the application does not use.
  unexpected_type: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected type', many: 'unexpected types' }, aspects: wholeObject },
  // Values of the type are built or read differently than the application expects.
  type_mismatch: { severity: 'warning', effect: 'mismatch', noun: { one: 'type difference', many: 'type differences' }, aspects: typeAspects },
};
