/**
 * What the diff reports about comments (COMMENT ON), with the default
 * severity and why.
 */
import type { Finding } from '../../findings/finding.js';
import type { FindingDefinitions } from '../kind.js';
/**
 * The comment of an object both sides have: the expected text, the
 * database's; null for no comment. The finding's object names the object
 * and its kind (`object.kind`: `table`, `column`, `index`...).
 */
export type CommentFinding = Finding<'comment_mismatch', string | null, string | null>;
export declare const COMMENT_FINDINGS: FindingDefinitions<CommentFinding>;
