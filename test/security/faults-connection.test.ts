/**
 * Faults of the connection: a server that accepts and says nothing, one
 * that answers the start-up and then freezes, a session terminated from
 * another one, a server shut down mid-read, a real server frozen with
 * SIGSTOP. Each must end in exit 3 with one line on stderr and nothing
 * written: never a crash (exit 1 means drift), never a hang.
 *
 * Mid-read is made deterministic with a lock: another session holds a table
 * in ACCESS EXCLUSIVE mode, so the read waits (lock_timeout, 5 s) while the
 * fault is injected.
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded.js';
import { finished, startCli, type CliResult } from '../support/cli.js';
import { createTestDatabase, urlFor, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir('faults-conn');
});
afterAll(() => removeTempDir(dir));

/** Run the CLI; kill it (and fail) if it runs longer than `limitMs`. */
async function runWithin(args: string[], limitMs: number, during?: (child: ReturnType<typeof startCli>) => Promise<void>): Promise<CliResult & { ms: number }> {
  const started = Date.now();
  const child = startCli(args);
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  try {
    if (during) await during(child);
    const result = await finished(child);
    return { ...result, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

function expectOneLineExit3(r: CliResult, out: string, pattern: RegExp): void {
  expect(r.signal).toBeNull(); // not killed by our limit: no hang
  expect(r.code).toBe(3);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^schema-audit: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
  expect(existsSync(out)).toBe(false);
}

/** A TCP server on 127.0.0.1 that never says a word, or answers the start-up and then freezes. */
async function frozenServer(mode: 'silent' | 'after-startup'): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    const onData = (data: Buffer): void => {
      if (mode === 'silent') return;
      // An SSLRequest (sslmode prefer, the default): "N", no TLS here, as a server without TLS answers.
      if (data.length === 8 && data.readUInt32BE(4) === 80877103) {
        socket.write('N');
        socket.once('data', onData);
        return;
      }
      // AuthenticationOk, then ReadyForQuery (idle); every later message is ignored.
      const authOk = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
      const ready = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
      socket.write(Buffer.concat([authOk, ready]));
    };
    socket.once('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('a server that stops answering', () => {
  test('accepts the connection and never answers: exit 3 after the connect timeout', async () => {
    const fake = await frozenServer('silent');
    try {
      const out = path.join(dir, 'silent.yaml');
      const r = await runWithin(['snapshot', '--db', `postgres://u:secret@127.0.0.1:${fake.port}/db`, '--out', out], 60_000);
      expectOneLineExit3(r, out, /127\.0\.0\.1:\d+\/db/);
      expect(r.stderr).not.toContain('secret');
    } finally {
      await fake.close();
    }
  });

  test('answers the start-up, then freezes: exit 3 after statement timeout + 10 s, not a hang', async () => {
    const fake = await frozenServer('after-startup');
    try {
      const out = path.join(dir, 'frozen.yaml');
      const r = await runWithin(
        ['snapshot', '--db', `postgres://u:secret@127.0.0.1:${fake.port}/db`, '--statement-timeout', '1000', '--out', out],
        60_000,
      );
      expectOneLineExit3(r, out, /sent nothing for 11 s/);
      expect(r.ms).toBeGreaterThanOrEqual(10_000);
    } finally {
      await fake.close();
    }
  });
});

/** A table with a default, held in ACCESS EXCLUSIVE mode by another session until `release()`. */
async function holdTable(url: string, table: string): Promise<{ release: () => Promise<void> }> {
  const holder = new pg.Client({ connectionString: url });
  holder.on('error', () => undefined);
  await holder.connect();
  await holder.query(`create table if not exists ${table} (id int primary key, v int default 1)`);
  await holder.query('begin');
  await holder.query(`lock table ${table} in access exclusive mode`);
  return {
    release: async () => {
      await holder.query('rollback').catch(() => undefined);
      await holder.end().catch(() => undefined);
    },
  };
}

/** The pid of schema-audit's session once it waits for a lock (null if it never does within 20 s). */
async function waitingBackend(url: string): Promise<number | null> {
  const admin = new pg.Client({ connectionString: url });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    for (let i = 0; i < 200; i++) {
      const { rows } = await admin.query<{ pid: number }>(
        // This database's only: other test files' schema-audit sessions on the same server
        // (a DDL storm's readers, say) wait on locks too, and must not be terminated.
        "select pid from pg_stat_activity where application_name = 'schema-audit' and wait_event_type = 'Lock' and datname = current_database() and pid <> pg_backend_pid()",
      );
      if (rows[0]) return rows[0].pid;
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

describe('the session ends mid-read', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('faults_term');
    await db.exec('create table plain (id int primary key)');
  });
  afterAll(async () => {
    await db.drop();
  });

  test('pg_terminate_backend from another session: exit 3, one line, nothing written', async () => {
    const held = await holdTable(db.url, 'held');
    try {
      const out = path.join(dir, 'terminated.yaml');
      const r = await runWithin(['snapshot', '--db', db.url, '--out', out], 60_000, async () => {
        const pid = await waitingBackend(db.url);
        expect(pid).not.toBeNull();
        await db.query('select pg_terminate_backend($1)', [pid]);
      });
      expectOneLineExit3(r, out, /cannot read the schema of .*terminated/);
    } finally {
      await held.release();
    }
  });
});

describe('a separate server, shut down or frozen mid-read', () => {
  let server: EmbeddedServer | undefined;
  let url: string;
  beforeEach(async () => {
    server = await startEmbeddedServer({ major: 17 });
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database faults');
    await admin.end();
    url = urlFor('faults', server.url);
  });
  afterEach(async () => {
    if (server) {
      try {
        process.kill(server.pid, 'SIGCONT');
      } catch {
        /* gone */
      }
      await server.stop();
    }
    server = undefined;
  });

  test('server shut down mid-read: exit 3, one line, nothing written', async () => {
    const held = await holdTable(url, 'held');
    const out = path.join(dir, 'shutdown.yaml');
    const r = await runWithin(['snapshot', '--db', url, '--out', out], 60_000, async () => {
      expect(await waitingBackend(url)).not.toBeNull();
      process.kill(server!.pid, 'SIGQUIT'); // immediate shutdown: sessions cut without a goodbye
    });
    await held.release();
    expectOneLineExit3(r, out, /cannot read the schema of/);
  });

  test('server frozen with SIGSTOP mid-read: exit 3 after statement timeout + 10 s, not a hang', async () => {
    const held = await holdTable(url, 'held');
    const out = path.join(dir, 'sigstop.yaml');
    let backend: number | null = null;
    try {
      const r = await runWithin(['snapshot', '--db', url, '--statement-timeout', '2000', '--out', out], 90_000, async () => {
        backend = await waitingBackend(url);
        expect(backend).not.toBeNull();
        process.kill(server!.pid, 'SIGSTOP');
        process.kill(backend!, 'SIGSTOP');
      });
      expectOneLineExit3(r, out, /sent nothing for 12 s/);
    } finally {
      for (const pid of [backend, server!.pid]) {
        try {
          if (pid) process.kill(pid, 'SIGCONT');
        } catch {
          /* gone */
        }
      }
      await held.release();
    }
  });
});
