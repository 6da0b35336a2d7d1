/** The package version (src/cli and dist/cli are both two levels down). */
export declare const VERSION: string;
