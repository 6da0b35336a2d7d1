/**
 * What the diff reports about extensions, with the default severity of each
 * finding kind and why.
 */
import type { Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { Extension } from './model.js';
/** Where an extension's objects are and its version; version null: any (a spec that leaves it out). */
export interface ExtensionPlace {
    readonly schema: string;
    readonly version: string | null;
}
export type ExtensionFinding = Finding<'missing_extension', Extension, null> | Finding<'unexpected_extension', null, Extension> | Finding<'extension_mismatch', ExtensionPlace, ExtensionPlace>;
/** `schema` and `version`, as they differ (a version of null expects any). */
export declare function extensionAspects(expected: ExtensionPlace, actual: ExtensionPlace): string[];
export declare const EXTENSION_FINDINGS: FindingDefinitions<ExtensionFinding>;
