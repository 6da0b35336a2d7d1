/** Open (or join) the run's own temp dir: TMPDIR points at a fresh `sa-run-XXXXXX`. */
export function openRunTmpdir(): void;
/** Leave it; the last user removes it, throwing if the tests left anything in it. */
export function closeRunTmpdir(): void;
