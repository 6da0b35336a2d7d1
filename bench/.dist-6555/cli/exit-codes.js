export const ExitCode = {
    /** No finding at or above --fail-on. */
    Clean: 0,
    /** Drift at or above --fail-on. */
    Drift: 1,
    /** Bad usage, bad spec, bad expected source. */
    Usage: 2,
    /** Database unreachable or unreadable. */
    Database: 3,
};
const BY_ERROR_CODE = {
    usage: ExitCode.Usage,
    spec: ExitCode.Usage,
    output: ExitCode.Usage,
    connection: ExitCode.Database,
    introspection: ExitCode.Database,
    server: ExitCode.Database,
};
/** The exit code for an error of this code. */
export function exitCodeFor(code) {
    return BY_ERROR_CODE[code];
}
//# sourceMappingURL=exit-codes.js.map