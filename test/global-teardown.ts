import type { ProvisionedServer } from '../src/server/provision.js';

/** Stop the run's server (test/global-setup.ts); the embedded one removes its data directory. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __schemaAuditServer?: ProvisionedServer };
  await holder.__schemaAuditServer?.stop();
  delete holder.__schemaAuditServer;
}
