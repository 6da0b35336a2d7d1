/**
 * Sequences, free-standing and owned (serial, OWNED BY): compared by their
 * options and owner, never their current value. An identity column's
 * sequence is the column's (left out here).
 */
import type { ObjectKind } from '../kind.js';
import { sequenceLinks, sequenceObjects } from './ddl.js';
import { SEQUENCE_SPEC } from './spec.js';
import { SEQUENCE_CATALOG } from './catalog.js';
import { compareSequences } from './compare.js';
import { SEQUENCE_FINDINGS, type SequenceFinding } from './findings.js';
import { SEQUENCE_PLAN } from './plan.js';
import { SEQUENCE_WORDS } from './words.js';
import { sequenceComments } from './comments.js';

export const sequenceKind: ObjectKind<SequenceFinding> = {
  name: 'sequence',
  noun: { one: 'sequence', many: 'sequences' },
  placement: { section: 'sequences' },
  objectField: 'sequence',
  findings: SEQUENCE_FINDINGS,
  compare: (expected, actual, inScope) =>
    compareSequences(
      expected.sequences.filter((s) => inScope(s.schema)),
      actual.sequences.filter((s) => inScope(s.schema)),
    ),
  listsMissingApart: false,
  ddl: { objects: sequenceObjects, links: sequenceLinks },
  plan: SEQUENCE_PLAN,
  words: SEQUENCE_WORDS,
  spec: SEQUENCE_SPEC,
  catalog: SEQUENCE_CATALOG,
  comments: sequenceComments,
};
