import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic } from '../io/write-file.js';
import { visible } from '../safe-text.js';
/** Send a rendered document to --out (atomically; never through a symlink or into a device) or stdout. */
export function emit(io, content, out) {
    if (out === undefined) {
        io.stdout.write(content);
        return;
    }
    writeFileAtomic(path.resolve(io.cwd, out), content, out);
}
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
export function useColor(flag, io) {
    if (flag !== undefined)
        return flag;
    const noColor = io.env.NO_COLOR;
    if (noColor !== undefined && noColor !== '')
        return false;
    const force = io.env.FORCE_COLOR;
    if (force !== undefined && force !== '')
        return !(force === '0' || force.toLowerCase() === 'false');
    if (io.env.TERM === 'dumb')
        return false;
    return io.stdout.isTTY === true;
}
/** The terminal's width, when stdout is a terminal that reports one. */
export function terminalWidth(io) {
    if (io.stdout.isTTY !== true)
        return undefined;
    const columns = io.stdout.columns;
    return typeof columns === 'number' && Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
/** `0.4s`, `12.3s`, `2m05s`. */
export function formatElapsed(ms) {
    if (ms < 59_950)
        return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
    const seconds = Math.round(ms / 1000);
    return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
/** Per io: when the last progress line was printed (shared by every reporter on it). */
const lastStep = new WeakMap();
/**
 * Progress on stderr, only for people (a TTY) or with --verbose: one complete
 * line per step, `schema-audit: <message>`. From the second line on, the line
 * ends with ` +1.2s`: the time since the previous line (as the `debug` module
 * prints it), so `reading db:5432/app` then `read 12 tables from PostgreSQL
 * 17.10 +1.2s` says the read took 1.2s. No spinner and no cursor movement:
 * lines stay whole when other output (errors, server logs) interleaves.
 */
export function progress(io, verbose, now = () => performance.now()) {
    const on = verbose || io.stderr.isTTY === true;
    return (message) => {
        if (!on)
            return;
        const t = now();
        const previous = lastStep.get(io);
        lastStep.set(io, t);
        const elapsed = previous === undefined ? '' : ` +${formatElapsed(t - previous)}`;
        // One line, control characters escaped: messages quote paths and names.
        io.stderr.write(`schema-audit: ${visible(message)}${elapsed}\n`);
    };
}
//# sourceMappingURL=output.js.map