// Test-only preload (NODE_OPTIONS=--import=<this file>) for
// test/security/files.test.ts: holds the first rename of a staged `*.tmp`
// output for SA_TEST_RENAME_HOLD_MS, so the test can send a signal while the
// temporary file exists. It changes nothing in the product.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const holdMs = Number(process.env.SA_TEST_RENAME_HOLD_MS ?? '4000');
const rename = fs.renameSync;
let held = false;
fs.renameSync = function renameSync(from, to) {
  if (!held && String(from).endsWith('.tmp')) {
    held = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
  }
  return rename.call(this, from, to);
};
syncBuiltinESMExports();
