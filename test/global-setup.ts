// Jest loads global setup outside its ESM module graph, so it imports the
// compiled provider from dist/ (`npm test` builds first; the CLI tests need a
// fresh dist/ anyway, since they run bin/schema-audit.js as a user would).
import { parseMajor } from '../dist/server/binaries.js';
import { provisionServer, type ProvisionedServer } from '../dist/server/provision.js';

/**
 * One server for the whole run: `TEST_DATABASE_URL` when given, else a
 * container when Docker answers, else an embedded server of `PG_MAJOR`
 * (default 17). Workers inherit the admin URL through the environment; every
 * test file then creates its own database on it (test/support/db.ts).
 */
export default async function globalSetup(): Promise<void> {
  const server: ProvisionedServer = await provisionServer({
    url: process.env.TEST_DATABASE_URL || undefined,
    major: parseMajor(process.env.PG_MAJOR),
  });
  (globalThis as { __schemaAuditServer?: ProvisionedServer }).__schemaAuditServer = server;
  process.env.SCHEMA_AUDIT_TEST_ADMIN_URL = server.url;
  process.env.SCHEMA_AUDIT_TEST_SERVER_KIND = server.kind;
}
