/**
 * What the diff reports about extensions, with the default severity of each
 * finding kind and why.
 */
import type { Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { Extension } from './model.js';

/** Where an extension's objects are and its version; version null: any (a spec that leaves it out). */
export interface ExtensionPlace {
  readonly schema: string;
  readonly version: string | null;
}

export type ExtensionFinding =
  | Finding<'missing_extension', Extension, null>
  | Finding<'unexpected_extension', null, Extension>
  | Finding<'extension_mismatch', ExtensionPlace, ExtensionPlace>;

/** `schema` and `version`, as they differ (a version of null expects any). */
export function extensionAspects(expected: ExtensionPlace, actual: ExtensionPlace): string[] {
  const out: string[] = [];
  if (expected.schema !== actual.schema) out.push('schema');
  if (expected.version !== null && expected.version !== actual.version) out.push('version');
  return out;
}

export const EXTENSION_FINDINGS: FindingDefinitions<ExtensionFinding> = {
  // The types, functions and operators it provides are absent: columns, defaults and queries that use them fail.
  missing_extension: { severity: 'error', effect: 'missing', noun: { one: 'missing extension', many: 'missing extensions' }, aspects: wholeObject },
  // Something extra the application does not use (its own objects are the extension's, never drift).
  unexpected_extension: {
    severity: 'info',
    effect: 'unexpected',
    noun: { one: 'unexpected extension', many: 'unexpected extensions' },
    aspects: wholeObject,
  },
  // Another version may change its functions' behaviour; another schema changes how its objects are named.
  extension_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'extension difference', many: 'extension differences' },
    aspects: extensionAspects,
  },
};
