export declare function createEnumSql(schema: string, name: string, values: readonly string[]): string;
/** CREATE TYPE … AS ENUM, only when no type of that name exists (re-runnable). */
export declare function createEnumIfMissingSql(schema: string, name: string, values: readonly string[]): string;
/** Where a new label goes: before or after a label the type has. */
export type LabelPosition = {
    readonly before: string;
} | {
    readonly after: string;
} | null;
/**
 * `ALTER TYPE … ADD VALUE IF NOT EXISTS`. It cannot run inside a transaction
 * block that uses the new label, so each runs (and commits) on its own.
 */
export declare function addEnumValueSql(schema: string, name: string, value: string, position: LabelPosition): string;
export declare function dropEnumSql(schema: string, name: string): string;
export declare function commentOnTypeSql(schema: string, name: string, comment: string): string;
