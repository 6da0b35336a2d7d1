// Jest loads global setup and teardown outside its ESM module graph: they
// can import node's modules and compiled JavaScript, not other TypeScript
// files. So this file imports the server provider from dist/ (`npm test`
// builds first; the CLI tests need a fresh dist/ anyway, since they run
// bin/schema-audit.js as a user would), dynamically, with types from src/,
// so that type-checking does not need a build and a missing build is one
// clear sentence; and what teardown needs travels on globalThis.
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Binaries from '../src/server/binaries.js';
import type * as Provision from '../src/server/provision.js';

/** What jest passes a project's global setup and teardown: the project's config, in part. */
export interface ProjectConfig {
  readonly rootDir: string;
  readonly displayName?: { readonly name: string };
}

/** The run's temp dir, shared by the projects' setups and teardowns (see {@link openRunTmpdir}). */
export interface RunTmpdir {
  readonly dir: string;
  users: number;
  /** Leave it; the last user removes it, throwing if the tests left anything in it. */
  close(): void;
}

/** What global setup hands to global teardown. */
const holder = globalThis as { __schemaAuditServer?: Provision.ProvisionedServer; __schemaAuditRunTmpdir?: RunTmpdir };

/**
 * Each jest run gets its own temp dir: TMPDIR (which `os.tmpdir()` reads on
 * every call, and which test workers, the CLI under test, embedded servers
 * and psql inherit) points at a fresh `sa-run-XXXXXX` in the OS temp dir.
 * Teardown, after the server has stopped, fails the run if anything is left
 * in it — a test that did not remove its temporary directory, a server not
 * stopped — then removes it. A shared machine's other runs write elsewhere,
 * so the check sees this run's files only. Both projects share it (jest runs
 * every global setup in one process before any test, every teardown after
 * all tests): the first opens it, the last closes it.
 */
function openRunTmpdir(): void {
  const open = holder.__schemaAuditRunTmpdir;
  if (open) {
    open.users++;
    return;
  }
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sa-run-'));
  // Run as root, embedded servers run as the `postgres` OS user, which must be
  // able to reach its own directory in here (mkdtemp makes it 0700).
  chmodSync(dir, 0o711);
  process.env.TMPDIR = dir;
  holder.__schemaAuditRunTmpdir = {
    dir,
    users: 1,
    close(): void {
      if (--this.users > 0) return;
      delete holder.__schemaAuditRunTmpdir;
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      const left = readdirSync(dir).sort();
      rmSync(dir, { recursive: true, force: true });
      if (left.length) {
        throw new Error(`the tests left ${left.length} temporary file(s) behind (now removed): ${left.join(', ')}; every test must remove what it makes, on failure too`);
      }
    },
  };
}

/** The compiled module `name` of src/server/, or a clear error when there is no build. */
async function distServerModule<T>(rootDir: string, name: string): Promise<T> {
  const file = path.join(rootDir, 'dist', 'server', `${name}.js`);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: the db tests need a build (npm test builds first; or npm run build)`);
  }
  return (await import(pathToFileURL(file).href)) as T;
}

/**
 * Both projects: the run's own temp dir ({@link openRunTmpdir}).
 * The `db` project: one server for the whole run: `TEST_DATABASE_URL` when
 * given, else a container when Docker answers, else an embedded server of
 * `PG_MAJOR` (default 17). Workers inherit the admin URL through the
 * environment; every test file then creates its own database on it
 * (test/support/db.ts). The `unit` project starts nothing.
 */
export default async function globalSetup(_global: unknown, project: ProjectConfig): Promise<void> {
  if (project.displayName?.name !== 'db') {
    openRunTmpdir();
    return;
  }
  const { parseMajor } = await distServerModule<typeof Binaries>(project.rootDir, 'binaries');
  const { provisionServer } = await distServerModule<typeof Provision>(project.rootDir, 'provision');
  openRunTmpdir();
  let server: Provision.ProvisionedServer;
  try {
    server = await provisionServer({ url: process.env.TEST_DATABASE_URL || undefined, major: parseMajor(process.env.PG_MAJOR) });
  } catch (err) {
    // Jest runs no teardown after a failed setup.
    holder.__schemaAuditRunTmpdir?.close();
    throw err;
  }
  holder.__schemaAuditServer = server;
  process.env.SCHEMA_AUDIT_TEST_ADMIN_URL = server.url;
  process.env.SCHEMA_AUDIT_TEST_SERVER_KIND = server.kind;
}
