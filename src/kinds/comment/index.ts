/**
 * Comments (COMMENT ON) of every kind's objects: each kind lists its
 * commented objects through its `comments` hook (commented.ts says how);
 * this kind compares the comments of the objects both sides have and plans
 * COMMENT ON. It has no objects of its own: the registry makes it from the
 * kinds before it.
 */
import type { ObjectKind } from '../kind.js';
import { compareComments } from './compare.js';
import { COMMENT_FINDINGS, type CommentFinding } from './findings.js';
import { commentPlan } from './plan.js';
import { COMMENT_WORDS } from './words.js';

export function commentKind(kinds: readonly ObjectKind[]): ObjectKind<CommentFinding> {
  return {
    name: 'comment',
    noun: { one: 'comment', many: 'comments' },
    placement: { across: 'kinds' },
    objectField: null,
    findings: COMMENT_FINDINGS,
    compare: (expected, actual, inScope) => compareComments(kinds, expected, actual, inScope),
    listsMissingApart: false,
    ddl: null,
    plan: commentPlan(kinds),
    words: COMMENT_WORDS,
    spec: null,
    catalog: { role: 'none' },
  };
}
