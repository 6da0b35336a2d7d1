import type { ProvisionedServer } from '../src/server/provision.js';
import { closeRunTmpdir } from './support/run-tmpdir.mjs';

/**
 * The db project's global teardown: stop the run's server
 * (test/global-setup.ts; the embedded one removes its data directory), then
 * leave the run's temp dir, which fails the run if a test left files in it.
 */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __schemaAuditServer?: ProvisionedServer };
  try {
    await holder.__schemaAuditServer?.stop();
  } finally {
    delete holder.__schemaAuditServer;
    closeRunTmpdir();
  }
}
