// Test-only preload (NODE_OPTIONS=--import=<this file>) for
// test/security/files.test.ts. It changes nothing in the product; it acts on
// renames of staged `*.tmp` outputs only:
// - SA_TEST_RENAME_HOLD_MS: hold the first one that long, so the test can
//   send a signal while the temporary file exists;
// - SA_TEST_RENAME_FAIL_AT=N: the Nth one fails with EIO, as a full or
//   failing disk would make it;
// - SA_TEST_THROW_AFTER_MS: an uncaught exception (its message holding a
//   password in a URL) that long after start, as a bug would raise one.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const holdMs = Number(process.env.SA_TEST_RENAME_HOLD_MS ?? '0');
const failAt = Number(process.env.SA_TEST_RENAME_FAIL_AT ?? '0');
const rename = fs.renameSync;
let count = 0;
fs.renameSync = function renameSync(from, to) {
  if (String(from).endsWith('.tmp')) {
    count++;
    if (count === 1 && holdMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
    if (count === failAt) throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: 'EIO', errno: -5, syscall: 'rename' });
  }
  return rename.call(this, from, to);
};
syncBuiltinESMExports();

const throwAfter = Number(process.env.SA_TEST_THROW_AFTER_MS ?? '0');
if (throwAfter > 0) {
  setTimeout(() => {
    throw new Error('boom at postgres://someone:s3cret-pw@db.example/x\n    at a stack line');
  }, throwAfter);
}
