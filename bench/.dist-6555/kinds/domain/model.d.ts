/** A domain: a base type with a default, NOT NULL and checks. */
export interface Domain {
    readonly schema: string;
    readonly name: string;
    /** Base type as `format_type` prints it. */
    readonly baseType: string;
    readonly notNull: boolean;
    readonly default: string | null;
    /** CHECK constraints, by name, as `pg_get_constraintdef` prints them. */
    readonly checks: readonly {
        readonly name: string;
        readonly definition: string;
    }[];
    readonly collation: string | null;
    readonly comment: string | null;
}
