/** The spec format version this code reads and writes. */
export const SPEC_VERSION = 1;
//# sourceMappingURL=spec-types.js.map