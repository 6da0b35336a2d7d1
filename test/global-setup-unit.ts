// The unit project's global setup: no server, no build; only the run's own
// temp dir. Its own file, not global-setup.ts: jest runs a global setup file
// once per run, with the first project that names it.
import { openRunTmpdir } from './support/run-tmpdir.mjs';

/** Open (or join) the run's own temp dir (test/support/run-tmpdir.mjs). */
export default function globalSetupUnit(): void {
  openRunTmpdir();
}
