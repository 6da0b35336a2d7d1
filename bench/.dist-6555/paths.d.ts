/** The package root (this file is src/paths.ts or dist/paths.js). */
export declare const PACKAGE_ROOT: string;
export declare const ONEKEEL_FIXTURE_DIR: string;
export declare const ONEKEEL_SPEC_DIR: string;
