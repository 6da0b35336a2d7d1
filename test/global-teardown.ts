import type { ProvisionedServer } from '../src/server/provision.js';
import type { ProjectConfig, RunTmpdir } from './global-setup.js';

/**
 * The `db` project: stop the run's server (test/global-setup.ts; the embedded
 * one removes its data directory). Both projects: leave the run's temp dir,
 * which fails the run if a test left files in it. (No runtime import of
 * global-setup.ts: see the note at its top; the state travels on globalThis.)
 */
export default async function globalTeardown(_global: unknown, project: ProjectConfig): Promise<void> {
  const holder = globalThis as { __schemaAuditServer?: ProvisionedServer; __schemaAuditRunTmpdir?: RunTmpdir };
  if (project.displayName?.name === 'db') {
    try {
      await holder.__schemaAuditServer?.stop();
    } finally {
      delete holder.__schemaAuditServer;
    }
  }
  holder.__schemaAuditRunTmpdir?.close();
}
