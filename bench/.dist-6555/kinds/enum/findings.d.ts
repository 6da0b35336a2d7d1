/**
 * What the diff reports about enum types, with the default severity of each
 * finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { EnumType } from './model.js';
export type EnumFinding = Finding<'missing_enum', Described<EnumType>, null> | Finding<'unexpected_enum', null, EnumType>
/** expected: the missing label. */
 | Finding<'enum_value_missing', string, null>
/** actual: the label the expected schema lacks. */
 | Finding<'enum_value_unexpected', null, string>
/** All labels of each side, in order. */
 | Finding<'enum_value_order_mismatch', readonly string[], readonly string[]>;
export declare const ENUM_FINDINGS: FindingDefinitions<EnumFinding>;
