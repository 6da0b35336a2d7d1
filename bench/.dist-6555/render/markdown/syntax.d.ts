import type { Noun } from '../../kinds/kind.js';
/**
 * Escape text for Markdown prose and table cells (pipes are the cell's job,
 * see {@link cell}). `_` is escaped only where it could start or end emphasis
 * (intraword underscores never do), so `lead_campaign_enrollments` stays
 * readable in the source.
 */
export declare function escapeMarkdown(text: string): string;
/** Inline code that survives backticks in the text. */
export declare function code(text: string): string;
/** A table cell: Markdown already formatted, with every `|` escaped (GFM splits cells even inside code spans). */
export declare function cell(markdown: string): string;
/** A GFM table; every cell goes through {@link cell}. */
export declare function table(header: readonly string[], rows: readonly (readonly string[])[]): string;
/** `a`, `a and b`, `a, b and c`. */
export declare function listJoin(items: readonly string[]): string;
/** `5,000`: a whole number with thousands separators, the same in every locale. */
export declare function count(n: number): string;
/** `1 row`, `5,000 rows`, `2 indexes` (with `pluralForm`). */
export declare function plural(n: number, singular: string, pluralForm?: string): string;
/** `1 enum value`, `3 enum values`: {@link plural} with a kind's noun. */
export declare function counted(n: number, noun: Noun): string;
/** `leads` in `public`, `billing.invoices` elsewhere: a schema object's name as the report shows it, quoted as PostgreSQL needs. */
export declare function objectName(schema: string, object: string): string;
/** A column name as inline code: `` `score` ``, `` `"Odd Name"` ``. */
export declare function columnCode(column: string): string;
/** ` (keys)`, ` (onDelete, onUpdate)`: the aspects of an object that differ, or nothing when none is named. */
export declare function differsIn(aspects: readonly string[]): string;
/** `the new column` / `the 3 new columns`. */
export declare function the(n: number, singular: string, pluralForm?: string): string;
/** `is` / `are` for a count. */
export declare function isAre(n: number): string;
/** `it` / `them` for a count. */
export declare function itThem(n: number): string;
/** `Spec`, `SQL file`: the first letter in upper case. */
export declare function capitalise(text: string): string;
/** The marker of item `i` (0-based) of a numbered list, and the indent of its nested lines. */
export declare function numbered(i: number): {
    marker: string;
    indent: string;
};
