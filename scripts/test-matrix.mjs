#!/usr/bin/env node
// Run the jest `db` project (every test that needs a server) once per
// PostgreSQL major (default: all supported), each against its own embedded
// server, and print one closing line:
//   tests: N passed, M failed
// The `unit` project is left out: it starts no server, so it would run the
// same code the same way on every major (`npm test` and `npm run test:unit`
// run it).
// Usage: npm run test:matrix [-- [--major-independent-ran] 14 15 16 17 18]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// `--major-independent-ran`: the caller already ran the db project once (CI's
// `npm test`, on PostgreSQL 17), so the files below, whose behaviour does not
// depend on the server's major, are left out here, and the property tests
// draw fewer random schemas (PROPERTY_SEEDS=10 instead of 30 and 40; the
// first ten seeds are the same ones). Every other db file runs on each major.
const MAJOR_INDEPENDENT = [
  'test/cli/format.test.ts', // colour and layout decisions of the text report
  'test/cli/usage.test.ts', // bad flags and values, before any connection
  'test/render/redaction.test.ts', // the password kept out of every output format
  'test/security/files.test.ts', // how outputs are written, signals, stdout errors
  'test/security/limits.test.ts', // input limits, checked before any database
  'test/security/output-redact.test.ts', // connection strings shown without their password
];
const args = process.argv.slice(2);
const reduced = args.includes('--major-independent-ran');
const given = args.filter((a) => a !== '--major-independent-ran');
const majors = given.length ? given : ['14', '15', '16', '17', '18'];
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// jest's JSON summaries go to .tmp/ (git-ignored), not to the OS temp dir:
// nothing is left there when the run is interrupted.
const out = path.join('.tmp', 'test-matrix');
mkdirSync(out, { recursive: true });
let passed = 0;
let failed = 0;
const failedMajors = [];
const timings = [];
for (const major of majors) {
  process.stdout.write(`\n=== PostgreSQL ${major}: jest project db (the unit project needs no server and runs once, in npm test) ===\n`);
  const file = path.join(out, `jest-${major}.json`);
  rmSync(file, { force: true });
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      'node_modules/jest/bin/jest.js',
      '--selectProjects',
      'db',
      '--json',
      `--outputFile=${file}`,
      ...(reduced ? ['--testPathIgnorePatterns', '\\.unit\\.test\\.ts$', ...MAJOR_INDEPENDENT.map((f) => f.replace(/\./g, '\\.'))] : []),
    ],
    { stdio: 'inherit', env: { ...process.env, PG_MAJOR: major, ...(reduced && !process.env.PROPERTY_SEEDS ? { PROPERTY_SEEDS: '10' } : {}) } },
  );
  timings.push(`${major}: ${Math.round((Date.now() - started) / 1000)} s`);
  let summary;
  try {
    summary = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    summary = { numPassedTests: 0, numFailedTests: 1 };
  }
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  if (r.status !== 0 || summary.numFailedTests > 0) failedMajors.push(major);
}
rmSync(out, { recursive: true, force: true });
process.stdout.write(`\ntime per major: ${timings.join(', ')}\n`);
if (failedMajors.length) process.stdout.write(`failed on PostgreSQL ${failedMajors.join(', ')}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(failedMajors.length ? 1 : 0);
