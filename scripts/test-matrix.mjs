#!/usr/bin/env node
// Run the whole jest suite once per PostgreSQL major (default: all supported),
// each against its own embedded server, and print one closing line:
//   tests: N passed, M failed
// Usage: npm run test:matrix [-- 14 15 16 17 18]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const majors = process.argv.slice(2).length ? process.argv.slice(2) : ['14', '15', '16', '17', '18'];
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sa-matrix-'));
let passed = 0;
let failed = 0;
const failedMajors = [];
for (const major of majors) {
  process.stdout.write(`\n=== PostgreSQL ${major} ===\n`);
  const out = path.join(tmp, `jest-${major}.json`);
  const r = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', '--json', `--outputFile=${out}`],
    { stdio: 'inherit', env: { ...process.env, PG_MAJOR: major } },
  );
  let summary;
  try {
    summary = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    summary = { numPassedTests: 0, numFailedTests: 1 };
  }
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  if (r.status !== 0 || summary.numFailedTests > 0) failedMajors.push(major);
}
rmSync(tmp, { recursive: true, force: true });
if (failedMajors.length) process.stdout.write(`\nfailed on PostgreSQL ${failedMajors.join(', ')}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(failedMajors.length ? 1 : 0);
