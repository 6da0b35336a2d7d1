import type { CliIo } from './io.js';
import { installLastResort } from './last-resort.js';
import { run } from './run.js';

/**
 * The process boundary: real streams, real signals. Ctrl-C or SIGTERM runs
 * every registered cleanup (stopping servers we started) before exiting with
 * 128 + signal number.
 */
const cleanups = new Set<() => Promise<void>>();
let interrupted = false;

async function onSignal(signal: NodeJS.Signals, code: number): Promise<void> {
  if (interrupted) return;
  interrupted = true;
  process.stderr.write(`\nschema-audit: ${signal}, cleaning up\n`);
  await Promise.allSettled([...cleanups].map((fn) => fn()));
  process.exit(code);
}
process.on('SIGINT', () => void onSignal('SIGINT', 130));
// `schema-audit ... | head`: a reader that stops early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
process.on('SIGTERM', () => void onSignal('SIGTERM', 143));

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  onInterrupt(cleanup) {
    cleanups.add(cleanup);
    return () => cleanups.delete(cleanup);
  },
};

installLastResort(process.argv.slice(2), process.env);
process.exitCode = await run(process.argv.slice(2), io);
