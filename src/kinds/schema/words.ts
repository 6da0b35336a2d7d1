/** Schemas in the words of the reports: the Other Drift cell of each finding kind. */
import type { FindingWordsOf, Noun } from '../kind.js';
import type { SchemaFinding } from './findings.js';

const SCHEMA: Noun = { one: 'schema', many: 'schemas' };

export const SCHEMA_WORDS: FindingWordsOf<SchemaFinding> = {
  missing_schema: { subject: SCHEMA, otherDriftCell: () => 'Schema is missing' },
  unexpected_schema: { subject: SCHEMA, otherDriftCell: () => 'Schema not in the expected schema' },
};
