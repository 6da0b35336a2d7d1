/**
 * Comments (COMMENT ON) of every kind's objects: each kind lists its
 * commented objects through its `comments` hook (commented.ts says how);
 * this kind compares the comments of the objects both sides have and plans
 * COMMENT ON. It has no objects of its own: the registry makes it from the
 * kinds before it.
 */
import type { ObjectKind } from '../kind.js';
import { type CommentFinding } from './findings.js';
export declare function commentKind(kinds: readonly ObjectKind[]): ObjectKind<CommentFinding>;
