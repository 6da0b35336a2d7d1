import { createRequire } from 'node:module';
const pkg = createRequire(import.meta.url)('../../package.json');
/** The package version (src/cli and dist/cli are both two levels down). */
export const VERSION = pkg.version;
//# sourceMappingURL=version.js.map