export type ConstraintKind = 'primary_key' | 'unique' | 'foreign_key' | 'check' | 'exclusion';
/** ON DELETE / ON UPDATE actions, spelled as SQL spells them. */
export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';
interface ConstraintBase {
    readonly name: string;
    readonly deferrable: boolean;
    readonly initiallyDeferred: boolean;
    /** False for a constraint added `NOT VALID` and not yet validated. */
    readonly validated: boolean;
    /** As `pg_get_constraintdef` prints it: `FOREIGN KEY (a) REFERENCES t(id) ON DELETE CASCADE`. */
    readonly definition: string;
    readonly comment: string | null;
}
export interface PrimaryKeyConstraint extends ConstraintBase {
    readonly kind: 'primary_key';
    readonly columns: readonly string[];
}
export interface UniqueConstraint extends ConstraintBase {
    readonly kind: 'unique';
    readonly columns: readonly string[];
    readonly nullsNotDistinct: boolean;
}
export interface ForeignKeyConstraint extends ConstraintBase {
    readonly kind: 'foreign_key';
    readonly columns: readonly string[];
    readonly references: {
        readonly schema: string;
        readonly table: string;
        readonly columns: readonly string[];
    };
    readonly onDelete: ReferentialAction;
    readonly onUpdate: ReferentialAction;
    readonly match: 'SIMPLE' | 'FULL' | 'PARTIAL';
}
export interface CheckConstraint extends ConstraintBase {
    readonly kind: 'check';
    /** The boolean expression alone, without `CHECK (...)`. */
    readonly expression: string;
    /** Columns the expression mentions, in table order. */
    readonly columns: readonly string[];
    readonly noInherit: boolean;
}
export interface ExclusionConstraint extends ConstraintBase {
    readonly kind: 'exclusion';
    readonly columns: readonly string[];
}
/** A table constraint (NOT NULL is the column's nullability, not a constraint here). */
export type Constraint = PrimaryKeyConstraint | UniqueConstraint | ForeignKeyConstraint | CheckConstraint | ExclusionConstraint;
export {};
