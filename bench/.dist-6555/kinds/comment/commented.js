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
import { findingId } from '../../findings/finding.js';
import { objectKey } from '../../model/identifiers.js';
/**
 * One commented object: `kind`, the kind's name; `parts`, what identifies
 * the object within its kind (`[schema, table, column]`; a function's
 * argument types too); `object`, what a finding about it names; `target`,
 * the object as COMMENT ON names it, quoted (`COLUMN public.t.c`).
 */
export function commentedObject(kind, parts, object, target, comment) {
    return { key: `${kind}:${objectKey(...parts)}`, kind, object, target, comment: comment ?? null };
}
/** Every commented object of a model, from the kinds' hooks, by key (the first of a key wins). */
export function commentedObjects(kinds, model) {
    const out = new Map();
    for (const kind of kinds) {
        for (const c of kind.comments?.(model) ?? [])
            if (!out.has(c.key))
                out.set(c.key, c);
    }
    return out;
}
/** The object a comment finding names: the hook's, with its kind. */
export function commentFindingObject(c) {
    return { ...c.object, kind: c.kind };
}
/** Commented objects by the id of their comment_mismatch finding, built once per model. */
const BY_FINDING_ID = new WeakMap();
/** The commented object of a comment finding, in `model`. */
export function commentedObjectOf(kinds, model, id) {
    let byId = BY_FINDING_ID.get(model);
    if (byId === undefined) {
        byId = new Map();
        for (const c of commentedObjects(kinds, model).values())
            byId.set(findingId('comment_mismatch', commentFindingObject(c)), c);
        BY_FINDING_ID.set(model, byId);
    }
    return byId.get(id);
}
//# sourceMappingURL=commented.js.map