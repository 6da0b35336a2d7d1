import type { ProvisionedServer } from '../dist/server/provision.js';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __schemaAuditServer?: ProvisionedServer };
  await holder.__schemaAuditServer?.stop();
  delete holder.__schemaAuditServer;
}
