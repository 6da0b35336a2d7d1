#!/usr/bin/env node
// The package's executable: all logic lives in dist/cli/main.js (built from
// src/ by `npm run build`, which `npm ci` runs through the prepare script).
import('../dist/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('schema-audit: not built yet; run `npm run build` (npm ci does it for you)\n');
  } else {
    process.stderr.write(`schema-audit: ${err && err.stack ? err.stack : err}\n`);
  }
  process.exitCode = 2;
});
