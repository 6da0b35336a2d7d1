import { type ListSection } from '../../spec-file/spec-section.js';
/** An extension as a spec writes it. */
export type SpecExtension = string | {
    readonly name: string;
    readonly schema?: string;
    readonly version?: string;
};
/** Name, schema and version of a spec's extension (schema and version undefined when left out). */
export declare function specExtension(item: SpecExtension): {
    name: string;
    schema?: string;
    version?: string;
};
/** The names of a spec's extensions. */
export declare function specExtensionNames(items: readonly SpecExtension[]): string[];
/** The `extensions:` section. */
export declare const EXTENSION_SPEC: ListSection;
