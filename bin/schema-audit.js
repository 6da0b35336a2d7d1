#!/usr/bin/env node
// The package's executable: all logic lives in dist/cli/main.js (built from
// src/ by `npm run build`, which `npm ci` runs through the prepare script).
import('../dist/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('schema-audit: not built yet; run `npm run build` (npm ci does it for you)\n');
  } else {
    // One line; the stack only with --verbose (the CLI's rule for every error).
    const verbose = process.argv.includes('--verbose');
    const text = verbose && err && err.stack ? err.stack : String((err && err.message) || err).split('\n')[0];
    process.stderr.write(`schema-audit: unexpected error: ${text.replace(/(\/\/[^\s:/@]*):[^\s@]*@/g, '$1:***@')}\n`);
  }
  process.exitCode = 2;
});
