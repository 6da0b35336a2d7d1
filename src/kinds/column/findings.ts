/**
 * What the diff reports about the columns of a table present on both sides,
 * with the default severity of each finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import type { Constraint } from '../constraint/model.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { Column, GeneratedColumn, IdentityKind } from './model.js';

/**
 * A missing column and what goes with it: the expected constraints over it
 * (its foreign key, its check, a unique or primary key over it) are part of
 * the column, as a missing table's columns are part of the table, rather
 * than `missing_constraint` findings each (a constraint over several
 * missing columns goes with the first of them).
 */
export type MissingColumn = Described<Column> & { readonly constraints: readonly Described<Constraint>[] };

export interface ColumnType {
  readonly type: string;
  readonly collation: string | null;
}

export type ColumnFinding =
  | Finding<'missing_column', MissingColumn, null>
  | Finding<'unexpected_column', null, Column>
  | Finding<'column_type_mismatch', ColumnType, ColumnType>
  | Finding<'column_nullability_mismatch', { readonly nullable: boolean }, { readonly nullable: boolean }>
  | Finding<'column_default_mismatch', { readonly default: string | null }, { readonly default: string | null }>
  | Finding<
      'column_identity_mismatch',
      { readonly identity: IdentityKind | null; readonly default: string | null },
      { readonly identity: IdentityKind | null; readonly default: string | null }
    >
  | Finding<'column_generated_mismatch', { readonly generated: GeneratedColumn | null }, { readonly generated: GeneratedColumn | null }>;

export const COLUMN_FINDINGS: FindingDefinitions<ColumnFinding> = {
  // The application's queries and writes of the column fail.
  missing_column: { severity: 'error', effect: 'missing', noun: { one: 'missing column', many: 'missing columns' }, aspects: wholeObject },
  // Breaks only INSERTs without a column list, or every INSERT when it is NOT
  // NULL without a default (its message says so then).
  unexpected_column: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected column', many: 'unexpected columns' }, aspects: wholeObject },
  // Values the application writes may not fit, or compare differently.
  column_type_mismatch: {
    severity: 'error',
    effect: 'mismatch',
    noun: { one: 'column type difference', many: 'column type differences' },
    aspects: (e, a) => [...(e.type !== a.type ? ['type'] : []), ...(e.collation !== a.collation ? ['collation'] : [])],
  },
  // NOT NULL where the app writes NULL rejects writes; nullable where the
  // app relies on NOT NULL lets bad data in.
  column_nullability_mismatch: {
    severity: 'error',
    effect: 'mismatch',
    noun: { one: 'nullability difference', many: 'nullability differences' },
    aspects: () => ['nullable'],
  },
  // Writes that supply the value still work.
  column_default_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'default difference', many: 'default differences' },
    aspects: () => ['default'],
  },
  column_identity_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'identity difference', many: 'identity differences' },
    aspects: () => ['identity'],
  },
  column_generated_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'generated-column difference', many: 'generated-column differences' },
    aspects: () => ['generated'],
  },
};
