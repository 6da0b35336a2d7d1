import { closeRunTmpdir } from './support/run-tmpdir.mjs';

/** Leave the run's own temp dir, which fails the run if a test left files in it. */
export default function globalTeardownUnit(): void {
  closeRunTmpdir();
}
