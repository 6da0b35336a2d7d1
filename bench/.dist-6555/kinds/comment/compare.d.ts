/**
 * Compare the comments of the objects both sides have, kind by kind (each
 * kind lists its commented objects through its `comments` hook). An empty
 * comment is no comment, as COMMENT ON … IS '' makes it.
 */
import type { Comparison } from '../../findings/finding.js';
import type { SchemaModel } from '../../model/schema-model.js';
import type { InScope, ObjectKind } from '../kind.js';
import type { CommentFinding } from './findings.js';
/** Longest comment text a message or a report cell quotes, before `…`. */
export declare const SHOWN_COMMENT_LENGTH = 80;
/** A comment as one line, cut at {@link SHOWN_COMMENT_LENGTH} characters. */
export declare function shortComment(comment: string): string;
export declare function compareComments(kinds: readonly ObjectKind[], expected: SchemaModel, actual: SchemaModel, inScope: InScope): Comparison<CommentFinding>;
