import { type AuditReport, type FailOn } from '../audit.js';
/**
 * The human report for a terminal: a header, one table per section of
 * findings, and a one-line summary.
 *
 * Colour is decided by the caller (`options.color`), never detected here: with
 * `color: false` the output holds no ANSI escape at all, whatever the
 * environment; with `color: true` it uses only the 16 basic colours, so the
 * bytes do not depend on the terminal's colour depth either. The same report
 * and options always give the same text.
 *
 * This is the only module that imports chalk.
 */
export interface TerminalOptions {
    readonly color: boolean;
    /** Wrap the object and message columns to fit this many columns; default: no wrapping. */
    readonly width?: number;
    /** The run's --fail-on, to say in the summary whether the gate fails; default: not mentioned. */
    readonly failOn?: FailOn;
    /** The run's --fail-on-advice: advice counts towards the gate too. */
    readonly failOnAdvice?: boolean;
}
export declare function renderTerminal(report: AuditReport, options: TerminalOptions): string;
/**
 * Make untrusted text (names from the database, messages quoting them) safe
 * and single-line on a terminal: control characters and bidirectional
 * overrides, line and paragraph separators become visible escapes (`\x1b`,
 * `\n`, `\u2028`, `\u202e`: src/safe-text.ts), so no name can
 * inject escape sequences or break the layout.
 */
export declare function clean(text: string): string;
/** Columns a string takes on a terminal (wide East Asian characters and emoji take two). */
export declare function displayWidth(text: string): number;
/**
 * Greedy wrap to `width` columns: messages break at spaces, names after a
 * dot; a word longer than the width is cut. Lines are joined with `\n`
 * (cli-table3 draws each as a line of the cell).
 */
export declare function wrap(text: string, width: number, mode: 'words' | 'name'): string;
