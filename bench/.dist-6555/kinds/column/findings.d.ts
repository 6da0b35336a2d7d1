/**
 * What the diff reports about the columns of a table present on both sides,
 * with the default severity of each finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import type { Constraint } from '../constraint/model.js';
import { type FindingDefinitions } from '../kind.js';
import type { Column, GeneratedColumn, IdentityKind } from './model.js';
/**
 * A missing column and what goes with it: the expected constraints over it
 * (its foreign key, its check, a unique or primary key over it) are part of
 * the column, as a missing table's columns are part of the table, rather
 * than `missing_constraint` findings each (a constraint over several
 * missing columns goes with the first of them).
 */
export type MissingColumn = Described<Column> & {
    readonly constraints: readonly Described<Constraint>[];
};
export interface ColumnType {
    readonly type: string;
    readonly collation: string | null;
}
export type ColumnFinding = Finding<'missing_column', MissingColumn, null> | Finding<'unexpected_column', null, Column> | Finding<'column_type_mismatch', ColumnType, ColumnType> | Finding<'column_nullability_mismatch', {
    readonly nullable: boolean;
}, {
    readonly nullable: boolean;
}> | Finding<'column_default_mismatch', {
    readonly default: string | null;
}, {
    readonly default: string | null;
}> | Finding<'column_identity_mismatch', {
    readonly identity: IdentityKind | null;
    readonly default: string | null;
}, {
    readonly identity: IdentityKind | null;
    readonly default: string | null;
}> | Finding<'column_generated_mismatch', {
    readonly generated: GeneratedColumn | null;
}, {
    readonly generated: GeneratedColumn | null;
}>;
export declare const COLUMN_FINDINGS: FindingDefinitions<ColumnFinding>;
