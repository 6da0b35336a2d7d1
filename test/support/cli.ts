import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { adminUrl } from './db.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'schema-audit.js');

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Environment for the CLI under test: no DATABASE_URL leaking in from the
 * caller; no expected-model cache in the user's cache directory (a test of
 * the cache passes --cache-dir); no GitHub Actions annotations or step
 * summary, and no COLUMNS, when the suite itself runs in a CI job or a
 * terminal (a test that wants them passes them).
 */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SCHEMA_AUDIT_NO_CACHE: '1', ...extra };
  for (const name of ['DATABASE_URL', 'GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'COLUMNS']) if (!(name in extra)) delete env[name];
  return env;
}

/** Run the real executable, as a user would. */
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  const child = startCli(args, options);
  return finished(child);
}

/** The built CLI's `run` (dist/cli/run.js), as the executable calls it. */
type Run = (argv: readonly string[], io: object) => Promise<number>;
let builtRun: Promise<Run> | undefined;

/**
 * Run a command line in this process, through the built CLI's `run` (what
 * bin/schema-audit.js calls), with the test suite's server for the scratch
 * databases instead of an embedded server started per audit. For tests
 * about what the audit finds and plans; tests about the executable itself
 * (signals, exit paths, streams, the scratch server's isolation) use
 * {@link runCli}.
 */
export async function runCliHere(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  builtRun ??= import(pathToFileURL(path.join(ROOT, 'dist', 'cli', 'run.js')).href).then((m: { run: Run }) => m.run);
  const run = await builtRun;
  const out = { stdout: '', stderr: '' };
  const code = await run(args, {
    stdout: { write: (chunk: string) => (out.stdout += chunk) },
    stderr: { write: (chunk: string) => (out.stderr += chunk) },
    env: cliEnv(options.env),
    cwd: options.cwd ?? ROOT,
    onInterrupt: () => () => undefined,
    scratchServerUrl: adminUrl(),
  });
  return { code, signal: null, ...out };
}

export function startCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): ChildProcess & {
  out: { stdout: string; stderr: string };
} {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { out: { stdout: string; stderr: string } };
  child.out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d: Buffer) => (child.out.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (child.out.stderr += d.toString()));
  return child;
}

export function finished(child: ChildProcess & { out: { stdout: string; stderr: string } }): Promise<CliResult> {
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout: child.out.stdout, stderr: child.out.stderr }));
  });
}

/** Resolve once `pattern` appears on the child's stderr. */
export function waitForStderr(child: ChildProcess & { out: { stderr: string } }, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; stderr: ${child.out.stderr}`)), timeoutMs);
    const check = (): void => {
      const m = child.out.stderr.match(pattern);
      if (m) {
        clearTimeout(timer);
        child.stderr!.off('data', check);
        resolve(m);
      }
    };
    child.stderr!.on('data', check);
    check();
  });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return predicate();
}

/** The drift findings of a `--format json` report (advice findings left out). */
export function driftFindings(jsonReport: string): { id: string; kind: string; severity: string; category: string }[] {
  const report = JSON.parse(jsonReport) as { findings: { id: string; kind: string; severity: string; category: string }[] };
  return report.findings.filter((f) => f.category === 'drift');
}
