// Jest loads global setup outside its ESM module graph, so it imports the
// compiled provider from dist/ (`npm test` builds first; the CLI tests need a
// fresh dist/ anyway, since they run bin/schema-audit.js as a user would).
// The import is dynamic, with types from src/, so that type-checking does not
// need a build and a missing build is one clear sentence.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Binaries from '../src/server/binaries.js';
import type * as Provision from '../src/server/provision.js';

/** The compiled module `name` of src/server/, or a clear error when there is no build. */
async function distServerModule<T>(rootDir: string, name: string): Promise<T> {
  const file = path.join(rootDir, 'dist', 'server', `${name}.js`);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: the db tests need a build (npm test builds first; or npm run build)`);
  }
  return (await import(pathToFileURL(file).href)) as T;
}

/**
 * One server for the whole run: `TEST_DATABASE_URL` when given, else a
 * container when Docker answers, else an embedded server of `PG_MAJOR`
 * (default 17). Workers inherit the admin URL through the environment; every
 * test file then creates its own database on it (test/support/db.ts).
 */
export default async function globalSetup(_global: unknown, project: { rootDir: string }): Promise<void> {
  const { parseMajor } = await distServerModule<typeof Binaries>(project.rootDir, 'binaries');
  const { provisionServer } = await distServerModule<typeof Provision>(project.rootDir, 'provision');
  const server: Provision.ProvisionedServer = await provisionServer({
    url: process.env.TEST_DATABASE_URL || undefined,
    major: parseMajor(process.env.PG_MAJOR),
  });
  (globalThis as { __schemaAuditServer?: Provision.ProvisionedServer }).__schemaAuditServer = server;
  process.env.SCHEMA_AUDIT_TEST_ADMIN_URL = server.url;
  process.env.SCHEMA_AUDIT_TEST_SERVER_KIND = server.kind;
}
