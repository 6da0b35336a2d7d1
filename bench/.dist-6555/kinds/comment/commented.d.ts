/**
 * The objects that carry a COMMENT, as a kind's `comments` hook lists them
 * (see {@link CommentedObject} in kind.ts), and their lookup by finding.
 *
 * How a kind adds its comments (views, functions, triggers...): give its
 * ObjectKind a `comments` hook that lists, for a model, every object of the
 * kind with its comment, each made by {@link commentedObject}:
 *
 *   comments: (model) => model.views.map((v) =>
 *     commentedObject('view', [v.schema, v.name], { schema: v.schema, view: v.name },
 *       `VIEW ${qualifiedName(v.schema, v.name)}`, v.comment)),
 *
 * The comment kind then compares the comments of the objects both sides
 * have (the kind's objects in the audited schemas), reports
 * `comment_mismatch` and plans COMMENT ON `target`. A missing object's
 * comment belongs in the kind's own create step (the comment kind never
 * sees a missing object).
 */
import { type FindingObject } from '../../findings/finding.js';
import type { SchemaModel } from '../../model/schema-model.js';
import type { CommentedObject, ObjectKind } from '../kind.js';
/**
 * One commented object: `kind`, the kind's name; `parts`, what identifies
 * the object within its kind (`[schema, table, column]`; a function's
 * argument types too); `object`, what a finding about it names; `target`,
 * the object as COMMENT ON names it, quoted (`COLUMN public.t.c`).
 */
export declare function commentedObject(kind: string, parts: readonly string[], object: FindingObject, target: string, comment: string | null | undefined): CommentedObject;
/** Every commented object of a model, from the kinds' hooks, by key (the first of a key wins). */
export declare function commentedObjects(kinds: readonly ObjectKind[], model: SchemaModel): Map<string, CommentedObject>;
/** The object a comment finding names: the hook's, with its kind. */
export declare function commentFindingObject(c: CommentedObject): FindingObject;
/** The commented object of a comment finding, in `model`. */
export declare function commentedObjectOf(kinds: readonly ObjectKind[], model: SchemaModel, id: string): CommentedObject | undefined;
