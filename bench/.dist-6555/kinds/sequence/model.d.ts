/** A sequence, free-standing or owned by a column (serial, identity). */
export interface Sequence {
    readonly schema: string;
    readonly name: string;
    /** `smallint`, `integer` or `bigint`. */
    readonly dataType: string;
    readonly start: string;
    readonly increment: string;
    readonly min: string;
    readonly max: string;
    readonly cache: string;
    readonly cycle: boolean;
    /**
     * The column that owns the sequence (`OWNED BY`, including serial and
     * identity columns), or null for a free-standing sequence.
     */
    readonly ownedBy: {
        readonly schema: string;
        readonly table: string;
        readonly column: string;
    } | null;
    /** True for the implicit sequence behind an identity column. */
    readonly identity: boolean;
    /** COMMENT ON SEQUENCE. */
    readonly comment: string | null;
}
