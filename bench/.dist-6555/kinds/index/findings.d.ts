/**
 * What the diff reports about the indexes of a table present on both sides,
 * with the default severity of each finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { Index } from './model.js';
export type IndexFinding = Finding<'missing_index', Described<Index>, null> | Finding<'unexpected_index', null, Index> | Finding<'index_mismatch', Index, Index>;
export declare const INDEX_FINDINGS: FindingDefinitions<IndexFinding>;
