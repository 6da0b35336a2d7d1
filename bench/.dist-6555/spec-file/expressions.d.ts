/**
 * SQL fragments of an expected source — a spec's `default`, `check`,
 * `generated`, `where`, `type`, partition `bound`, ...; a snapshot's
 * expressions and definitions — are pasted into DDL. Each must be exactly
 * the one thing it stands for: a single expression, a single type, a single
 * partition bound. Anything else (a `)` closing the statement early, a `;`
 * starting another, a comment swallowing the rest) is rejected here, with
 * PostgreSQL's own parser (libpg-query: the server's grammar compiled to
 * WASM), before any database is touched.
 *
 * How: the fragment is scanned alone (no comment, no `;`, brackets
 * balanced, no unterminated quote), then parsed inside the smallest
 * statement that holds it (`SELECT (<expression>)`, `SELECT NULL::<type>`,
 * `CREATE TABLE t PARTITION OF p <bound>`, ...), and the parse tree must be
 * exactly that statement, with the fragment filling its one slot and
 * nothing else.
 */
import type { SqlFragmentKind } from './spec-section.js';
export type { SqlFragmentKind } from './spec-section.js';
/** Checks fragments; sync once loaded. */
export interface SqlFragmentChecker {
    /** Null when `text` is one `kind`; else why not (one line, to follow the node's path). */
    check(kind: SqlFragmentKind, text: string): string | null;
}
/** The checker (the parser loaded once per process). */
export declare function sqlFragmentChecker(): Promise<SqlFragmentChecker>;
/** Every string at `pattern` below `value` (`*`: every key or index), with its path. */
export declare function stringsAt(value: unknown, pattern: readonly string[], at?: string[]): Generator<[string[], string]>;
