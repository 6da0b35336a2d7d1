/** A schema (namespace) of the database. */
export interface SchemaInfo {
    readonly name: string;
    readonly comment: string | null;
}
