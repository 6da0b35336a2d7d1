import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The package version (src/cli and dist/cli are both two levels down). */
export const VERSION: string = pkg.version;
