/** A domain as CREATE DOMAIN writes it; every text is SQL already (types resolved, names quoted). */
export interface DomainDefinition {
    readonly schema: string;
    readonly name: string;
    readonly baseType: string;
    readonly collation: string | null;
    readonly default: string | null;
    readonly notNull: boolean;
    /** Named checks: `CHECK (VALUE > 0)`. */
    readonly checks: readonly {
        readonly name: string;
        readonly body: string;
    }[];
}
export declare function createDomainSql(d: DomainDefinition): string;
/** CREATE DOMAIN, only when no type of that name exists (re-runnable). */
export declare function createDomainIfMissingSql(d: DomainDefinition): string;
/** A check added after the domain (CREATE DOMAIN cannot say NOT VALID). */
export declare function addDomainConstraintSql(schema: string, name: string, check: string, definition: string): string;
export declare function dropDomainSql(schema: string, name: string): string;
export declare function commentOnDomainSql(schema: string, name: string, comment: string): string;
/** `ALTER DOMAIN … SET DEFAULT …` / `DROP DEFAULT` / `SET NOT NULL` / `DROP NOT NULL`: `action` is SQL already. */
export declare function alterDomainSql(schema: string, name: string, action: string): string;
/** A check added NOT VALID (no scan) unless the domain has one of that name already (re-runnable); `definition` is `CHECK (…)`. */
export declare function addDomainCheckIfMissingSql(schema: string, name: string, check: string, definition: string): string;
/** VALIDATE CONSTRAINT: scans every column of the domain's type. */
export declare function validateDomainCheckSql(schema: string, name: string, check: string): string;
export declare function dropDomainCheckSql(schema: string, name: string, check: string): string;
