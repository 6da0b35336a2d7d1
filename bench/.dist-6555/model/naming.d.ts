/**
 * PostgreSQL's naming rules: the names it gives objects created without one
 * (`<table>_pkey`, `<table>_<columns>_key`, ...), truncated as it truncates
 * them. The spec leaves constraints unnamed so PostgreSQL names them, the
 * snapshot writes a name only where it differs from these, and the plan
 * names its helper objects the same way. Sources: src/backend/commands/indexcmds.c
 * (ChooseIndexNameAddition, ChooseIndexColumnNames), src/backend/catalog/pg_constraint.c
 * (makeObjectName).
 */
import type { IndexKeyPart } from '../kinds/index/model.js';
/** PostgreSQL's NAMEDATALEN - 1: the longest identifier, in bytes. */
export declare const MAX_IDENTIFIER_BYTES = 63;
/**
 * `name1_name2_label`, truncated as PostgreSQL's makeObjectName truncates it:
 * to 63 bytes, shortening the longer of the two names first.
 */
export declare function makeObjectName(name1: string, name2: string | null, label: string | null): string;
/** Column names joined by `_`, stopping once 64 bytes are reached (ChooseIndexNameAddition). */
export declare function nameAddition(names: readonly string[]): string;
/** Default names, before PostgreSQL's numbering of a name already taken. */
export declare const defaultNames: {
    primaryKey: (table: string) => string;
    unique: (table: string, columns: readonly string[]) => string;
    exclusion: (table: string, columns: readonly string[]) => string;
    index: (table: string, columns: readonly string[]) => string;
    foreignKey: (table: string, columns: readonly string[]) => string;
    /** A check mentioning exactly one column is `<table>_<column>_check`, any other `<table>_check`. */
    check: (table: string, columns: readonly string[]) => string;
    /** The column `check:` shorthand's name. */
    columnCheck: (table: string, column: string) => string;
    sequence: (table: string, column: string) => string;
};
/** The names PostgreSQL gives index columns (ChooseIndexColumnNames): expressions by their function, else `expr`. */
export declare function indexColumnNames(keys: readonly IndexKeyPart[], include: readonly string[]): string[];
