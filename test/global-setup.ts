// The db project's global setup (the unit project's: global-setup-unit.ts;
// jest runs a global setup file once per run, with the first project that
// names it, so each project needs its own file).
// Jest loads global setup and teardown outside its ESM module graph: they
// can import node's modules and JavaScript, not other TypeScript files. So
// this file imports the server provider from dist/ (`npm test` builds first;
// the CLI tests need a fresh dist/ anyway, since they run bin/schema-audit.js
// as a user would), dynamically, with types from src/, so that type-checking
// does not need a build and a missing build is one clear sentence; and what
// teardown needs travels on globalThis.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Binaries from '../src/server/binaries.js';
import type * as Provision from '../src/server/provision.js';
import { closeRunTmpdir, openRunTmpdir } from './support/run-tmpdir.mjs';

/** What jest passes a project's global setup: the project's config, in part. */
interface ProjectConfig {
  readonly rootDir: string;
}

/** What global setup hands to global teardown. */
const holder = globalThis as { __schemaAuditServer?: Provision.ProvisionedServer };

/** The compiled module `name` of src/server/, or a clear error when there is no build. */
async function distServerModule<T>(rootDir: string, name: string): Promise<T> {
  const file = path.join(rootDir, 'dist', 'server', `${name}.js`);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: the db tests need a build (npm test builds first; or npm run build)`);
  }
  return (await import(pathToFileURL(file).href)) as T;
}

/**
 * The run's own temp dir (test/support/run-tmpdir.mjs), and one server for
 * the whole run: `TEST_DATABASE_URL` when given, else a container when
 * Docker answers, else an embedded server of `PG_MAJOR` (default 17).
 * Workers inherit the admin URL through the environment; every test file
 * then creates its own database on it (test/support/db.ts).
 */
export default async function globalSetup(_global: unknown, project: ProjectConfig): Promise<void> {
  const { parseMajor } = await distServerModule<typeof Binaries>(project.rootDir, 'binaries');
  const { provisionServer } = await distServerModule<typeof Provision>(project.rootDir, 'provision');
  openRunTmpdir();
  let server: Provision.ProvisionedServer;
  try {
    server = await provisionServer({ url: process.env.TEST_DATABASE_URL || undefined, major: parseMajor(process.env.PG_MAJOR) });
  } catch (err) {
    // Jest runs no teardown after a failed setup.
    closeRunTmpdir();
    throw err;
  }
  holder.__schemaAuditServer = server;
  process.env.SCHEMA_AUDIT_TEST_ADMIN_URL = server.url;
  process.env.SCHEMA_AUDIT_TEST_SERVER_KIND = server.kind;
}
