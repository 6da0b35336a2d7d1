/** An enum type. */
export interface EnumType {
    readonly schema: string;
    readonly name: string;
    /** Labels in their sort order (`pg_enum.enumsortorder`), not creation order. */
    readonly values: readonly string[];
    readonly comment: string | null;
}
