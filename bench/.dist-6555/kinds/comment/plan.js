/**
 * The plan's part for comments: COMMENT ON each object whose comment
 * differs, in the `comments` phase (after every object is created or
 * changed); down.sql puts the database's comment back. COMMENT ON replaces
 * whatever is there, so each statement can run twice.
 */
import { displayName } from '../../model/identifiers.js';
import { objectPath } from '../../findings/finding.js';
import { stmt } from '../../plan/statements.js';
import { commentedObjectOf } from './commented.js';
import { commentOnSql } from './sql.js';
export function commentPlan(kinds) {
    return {
        findings: {
            comment_mismatch: (f, ctx) => {
                const c = commentedObjectOf(kinds, ctx.expected.model, f.id);
                if (c === undefined)
                    return;
                const name = `${c.kind} ${displayName(...objectPath(f.object))}`;
                ctx.add({
                    object: name,
                    phase: 'comments',
                    findingIds: [f.id],
                    summary: f.expected === null ? `remove the comment on ${name}` : `comment on ${name}`,
                    up: [stmt(commentOnSql(c.target, f.expected))],
                    down: [stmt(commentOnSql(c.target, f.actual))],
                    hazards: [],
                });
            },
        },
    };
}
//# sourceMappingURL=plan.js.map