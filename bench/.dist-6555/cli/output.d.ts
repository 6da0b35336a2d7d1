import type { CliIo } from './io.js';
/** Send a rendered document to --out (atomically; never through a symlink or into a device) or stdout. */
export declare function emit(io: CliIo, content: string, out: string | undefined): void;
/**
 * Whether the report on stdout is coloured, first rule that applies:
 *
 * | given                               | colour |
 * | ----------------------------------- | ------ |
 * | `--color` / `--no-color`            | on / off |
 * | `NO_COLOR` set and not empty        | off    |
 * | `FORCE_COLOR` = `0` or `false`      | off    |
 * | `FORCE_COLOR` set, any other value  | on     |
 * | `TERM=dumb`                         | off    |
 * | otherwise                           | on when stdout is a TTY |
 *
 * An empty `NO_COLOR` or `FORCE_COLOR` counts as unset. NO_COLOR wins over
 * FORCE_COLOR: FORCE_COLOR is often inherited from a parent tool (jest, CI
 * runners), NO_COLOR is the user's own choice.
 */
export declare function useColor(flag: boolean | undefined, io: Pick<CliIo, 'env' | 'stdout'>): boolean;
/** The terminal's width, when stdout is a terminal that reports one. */
export declare function terminalWidth(io: Pick<CliIo, 'stdout'>): number | undefined;
/** `0.4s`, `12.3s`, `2m05s`. */
export declare function formatElapsed(ms: number): string;
/**
 * Progress on stderr, only for people (a TTY) or with --verbose: one complete
 * line per step, `schema-audit: <message>`. From the second line on, the line
 * ends with ` +1.2s`: the time since the previous line (as the `debug` module
 * prints it), so `reading db:5432/app` then `read 12 tables from PostgreSQL
 * 17.10 +1.2s` says the read took 1.2s. No spinner and no cursor movement:
 * lines stay whole when other output (errors, server logs) interleaves.
 */
export declare function progress(io: CliIo, verbose: boolean, now?: () => number): (message: string) => void;
