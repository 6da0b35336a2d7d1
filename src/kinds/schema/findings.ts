/**
 * What the diff reports about schemas themselves (their objects are each
 * kind's; their comments the comment kind's; owners and grants the
 * privilege kind's), with the default severity of each finding kind and why.
 */
import type { Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { SchemaInfo } from './model.js';

export type SchemaFinding = Finding<'missing_schema', SchemaInfo, null> | Finding<'unexpected_schema', null, SchemaInfo>;

export const SCHEMA_FINDINGS: FindingDefinitions<SchemaFinding> = {
  // What the application creates or reads there fails: "schema … does not exist".
  missing_schema: { severity: 'error', effect: 'missing', noun: { one: 'missing schema', many: 'missing schemas' }, aspects: wholeObject },
  // A namespace the application does not use; what it holds is reported object by object.
  unexpected_schema: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected schema', many: 'unexpected schemas' }, aspects: wholeObject },
};
