/**
 * What the diff reports about the indexes of a table present on both sides,
 * with the default severity of each finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { Index } from './model.js';
import { indexAspects } from './shape.js';

export type IndexFinding =
  | Finding<'missing_index', Described<Index>, null>
  | Finding<'unexpected_index', null, Index>
  | Finding<'index_mismatch', Index, Index>;

export const INDEX_FINDINGS: FindingDefinitions<IndexFinding> = {
  // It may back ON CONFLICT, or be the difference between an index scan and
  // a full scan of a large table.
  missing_index: { severity: 'error', effect: 'missing', noun: { one: 'missing index', many: 'missing indexes' }, aspects: wholeObject },
  // Something extra the application does not use (the advice checks say more).
  unexpected_index: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected index', many: 'unexpected indexes' }, aspects: wholeObject },
  // It exists with another structure: queries may not use it.
  index_mismatch: { severity: 'warning', effect: 'mismatch', noun: { one: 'index difference', many: 'index differences' }, aspects: indexAspects },
};
