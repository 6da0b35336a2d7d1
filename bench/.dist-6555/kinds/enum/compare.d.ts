import type { Comparison, DraftFinding } from '../../findings/finding.js';
import type { EnumFinding } from './findings.js';
import type { EnumType } from './model.js';
/**
 * Labels of an enum present on both sides: one finding per missing label,
 * one per unexpected label, and one for the enum when the labels both sides
 * have are in a different relative order (so a missing label alone never
 * counts as reordering).
 */
export declare function compareEnumValues(e: EnumType, a: EnumType): DraftFinding<EnumFinding>[];
/** Match enums by (schema, name) and compare the labels of those on both sides. */
export declare function compareEnums(expected: readonly EnumType[], actual: readonly EnumType[]): Comparison<EnumFinding>;
