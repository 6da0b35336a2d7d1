import { endingUnderway, installProcessHandlers, registerCleanup } from '../io/cleanup.js';
import { looksLikeConnectionString, redactSecrets } from '../redact.js';
import type { CliIo } from './io.js';
import { classifyUncaught } from './last-resort.js';
import { run } from './run.js';
import { guardStdStreams } from './std-streams.js';

/**
 * The process boundary: real streams, real signals. SIGINT, SIGTERM and
 * SIGHUP run every registered cleanup (temporary files, servers and demo
 * databases we made: src/io/cleanup.ts) before exiting with 128 + signal
 * number; a stdout that cannot be written (EPIPE, ENOSPC) is one line on
 * stderr and exit 2 (src/cli/std-streams.ts).
 */
const argv = process.argv.slice(2);
const given = [...argv, ...argv.map((a) => /^--?[^=\s]+=(.*)$/s.exec(a)?.[1] ?? ''), process.env.DATABASE_URL ?? ''];
const urls = [...given.filter(looksLikeConnectionString), ...given.flatMap((a) => a.match(/postgres(?:ql)?:\/\/\S+/g) ?? [])];
const stdout = guardStdStreams(process.stdout, process.stderr);
installProcessHandlers({
  stderr: process.stderr,
  verbose: argv.includes('--verbose'),
  classifyError: classifyUncaught,
  redact: (text) => redactSecrets(text, urls),
});

const io: CliIo = {
  stdout: process.stdout,
  // Once a signal or an unexpected error ends the run, what the cleanup breaks under the run (a connection) is not reported.
  stderr: { write: (chunk: string) => endingUnderway() || process.stderr.write(chunk), isTTY: process.stderr.isTTY },
  env: process.env,
  cwd: process.cwd(),
  onInterrupt: (cleanup) => registerCleanup(cleanup),
};

process.exitCode = await stdout.settle(await run(argv, io));
