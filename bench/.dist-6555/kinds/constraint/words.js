/**
 * Constraints in the words of the reports: what a constraint enforces (a
 * missing column lists the constraints it carries), its name with what it
 * is, and the Other Drift cell of each constraint finding kind.
 */
import { quoteIdent } from '../../model/identifiers.js';
import { code, columnCode, differsIn, listJoin, objectName } from '../../render/markdown/syntax.js';
const CONSTRAINT = { one: 'constraint', many: 'constraints' };
function action(event, value) {
    return value === 'NO ACTION' ? [] : [`on ${event} ${value.toLowerCase()}`];
}
/** `` `users(id)` ``: the table (and columns) a foreign key references. */
function referenceCode(fk) {
    const target = objectName(fk.references.schema, fk.references.table);
    const columns = fk.references.columns.map(quoteIdent).join(', ');
    return code(columns === '' ? target : `${target}(${columns})`);
}
/** What a constraint enforces, in Markdown: `` references `users(id)` on delete set null ``, `` check `(score >= 0)` ``, `unique`. */
export function constraintFacts(c) {
    switch (c.kind) {
        case 'foreign_key':
            return [`references ${referenceCode(c)}`, ...action('delete', c.onDelete), ...action('update', c.onUpdate)].join(' ');
        case 'check':
            return `check ${code(c.expression)}`;
        case 'unique':
            return c.columns.length > 1 ? `unique with ${listJoin(c.columns.map(columnCode))}` : 'unique';
        case 'primary_key':
            return 'primary key';
        case 'exclusion':
            return code(c.definition);
    }
}
/** `` foreign key `x_fkey` to `users` `` / `` check `x_check` ``: a constraint by its name and what it is. */
export function namedConstraint(c) {
    const name = columnCode(c.name);
    switch (c.kind) {
        case 'foreign_key':
            return `foreign key ${name} to ${code(objectName(c.references.schema, c.references.table))}`;
        case 'primary_key':
            return `primary key ${name}`;
        case 'unique':
        case 'check':
        case 'exclusion':
            return `${c.kind} ${name}`;
    }
}
/** The words of each constraint finding kind. */
export const CONSTRAINT_WORDS = {
    missing_constraint: { subject: CONSTRAINT, otherDriftCell: (f) => `Constraint is missing: ${code(f.expected.definition)}` },
    unexpected_constraint: { subject: CONSTRAINT, otherDriftCell: (f) => `Constraint not in the expected schema: ${code(f.actual.definition)}` },
    constraint_mismatch: {
        subject: CONSTRAINT,
        otherDriftCell: (f, aspects) => `Constraint differs${differsIn(aspects)}: is ${code(f.actual.definition)}; expected ${code(f.expected.definition)}`,
    },
};
//# sourceMappingURL=words.js.map