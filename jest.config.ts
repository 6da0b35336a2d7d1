import type { Config } from 'jest';

/**
 * ESM all the way: yargs 18 and chalk 5 ship only ESM, so the tests run as
 * native ES modules through ts-jest's ESM preset (the scripts pass
 * --experimental-vm-modules to node).
 *
 * Two projects:
 * - `unit`: database-free tests, co-located with the modules they test
 *   (`src/**\/*.test.ts`) or named `*.unit.test.ts` under test/. No build,
 *   no server: `npm run test:unit`.
 * - `db`: everything else under test/. One PostgreSQL server serves the
 *   whole run (test/global-setup.ts, which loads the built provider from
 *   dist/: `npm test` builds first); every test file makes its own fresh
 *   database on it (test/support/db.ts).
 */
const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // Source imports use the `.js` suffix NodeNext requires; map back to `.ts`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
} satisfies Config;

/**
 * `npm run test:unit` sets JEST_PROJECT=unit to run one project. Not
 * `--selectProjects unit`: jest's option takes every word after it as a
 * project name, so `npm run test:unit -- test/diff` would run everything.
 */
const only = process.env.JEST_PROJECT;

const config: Config = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/src', '<rootDir>/test'],
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.unit.test.ts'],
      // Not the db project's files: jest runs a global setup file once per run.
      globalSetup: '<rootDir>/test/global-setup-unit.ts',
      globalTeardown: '<rootDir>/test/global-teardown-unit.ts',
    },
    {
      ...shared,
      displayName: 'db',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.unit\\.test\\.ts$'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ].filter((project) => !only || project.displayName === only),
  /**
   * 5 minutes per test (and per hook without its own limit), for a busy
   * machine: a jest timeout should mean a hang, never a slow machine. A user
   * saw 61 tests fail on the old 60 s limit when `npm test` took 30 minutes
   * on a shared machine. Measured (db project, PostgreSQL 17, 2 cores at a
   * load average of 16-23, i.e. about ten times oversubscribed, 42 minutes
   * for the project): 8 tests over 60 s, the slowest 105 s
   * (cli/advice: five CLI audits); every CLI audit of an SQL source starts
   * a scratch server, about 20 s each at that load (1-2 s on a quiet
   * machine). 300 s is about 3x the slowest test. (The slowest was a
   * 209 s test of ten such audits, now split by format.) Hooks that loop
   * over fixture cases carry their own limits, per case (drift fixtures and
   * drift round trips: 120 s a case, 100 s measured) or per round trip
   * (pagila, OneKeel: 600 s, 224 s and 157 s measured). Unit tests take
   * milliseconds; the limit only matters there if one hangs.
   */
  testTimeout: 300_000,
  // Two cores on our machines; each worker talks to the same server.
  maxWorkers: 2,
};

export default config;
