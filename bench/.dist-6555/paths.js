import path from 'node:path';
import { fileURLToPath } from 'node:url';
/** The package root (this file is src/paths.ts or dist/paths.js). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ONEKEEL_FIXTURE_DIR = path.join(PACKAGE_ROOT, 'fixtures', 'onekeel-swarm');
export const ONEKEEL_SPEC_DIR = path.join(PACKAGE_ROOT, 'expected-schema', 'onekeel-swarm');
//# sourceMappingURL=paths.js.map