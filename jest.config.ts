import type { Config } from 'jest';

/**
 * ESM all the way: yargs 18 and chalk 5 ship only ESM, so the tests run as
 * native ES modules through ts-jest's ESM preset (`npm test` passes
 * --experimental-vm-modules to node).
 *
 * One PostgreSQL server serves the whole run (test/global-setup.ts); every test
 * file makes its own fresh database on it (test/support/db.ts).
 */
const config: Config = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // Source imports use the `.js` suffix NodeNext requires; map back to `.ts`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60_000,
  // Two cores on our machines; each worker talks to the same server.
  maxWorkers: 2,
};

export default config;
