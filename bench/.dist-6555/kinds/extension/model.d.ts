/** An installed extension. Extensions are database-wide: the model lists all of them, whatever the schemas read. */
export interface Extension {
    readonly name: string;
    /** Schema the extension's objects were installed into. */
    readonly schema: string;
    /**
     * `pg_extension.extversion`. In an expected model read from a spec, null
     * when the spec leaves the version out: any version will do.
     */
    readonly version: string | null;
    /** `pg_extension.extrelocatable`: ALTER EXTENSION … SET SCHEMA can move it. */
    readonly relocatable: boolean;
    /** COMMENT ON EXTENSION (CREATE EXTENSION sets the control file's comment). */
    readonly comment: string | null;
}
