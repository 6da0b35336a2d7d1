/**
 * Sequences, free-standing and owned. Known limitation: not compared; the
 * plan creates the sequence of a new serial column.
 */
import type { ObjectKind } from '../kind.js';
import { sequenceLinks, sequenceObjects } from './ddl.js';
import { SEQUENCE_SPEC } from './spec.js';
import { SEQUENCE_CATALOG } from './catalog.js';
import { sequenceComments } from './comments.js';

export const sequenceKind: ObjectKind<never> = {
  name: 'sequence',
  noun: { one: 'sequence', many: 'sequences' },
  placement: { section: 'sequences' },
  objectField: 'sequence',
  findings: {},
  compare: null,
  listsMissingApart: false,
  ddl: { objects: sequenceObjects, links: sequenceLinks },
  plan: { findings: {} },
  words: {},
  spec: SEQUENCE_SPEC,
  catalog: SEQUENCE_CATALOG,
  comments: sequenceComments,
};
