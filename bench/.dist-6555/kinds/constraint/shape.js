import { differingFields } from '../../diff/same-value.js';
/**
 * What makes two constraints the same: the kind-specific fields. Not the
 * name (the key), not `validated` (NOT VALID is advice, not drift), not the
 * comment, and not the definition text, except for exclusion constraints,
 * whose elements and operators exist only there.
 */
export function constraintShape(c) {
    const common = { kind: c.kind, deferrable: c.deferrable, initiallyDeferred: c.initiallyDeferred };
    switch (c.kind) {
        case 'primary_key':
            return { ...common, columns: [...c.columns] };
        case 'unique':
            return { ...common, columns: [...c.columns], nullsNotDistinct: c.nullsNotDistinct };
        case 'foreign_key':
            return {
                ...common,
                columns: [...c.columns],
                references: { schema: c.references.schema, table: c.references.table, columns: [...c.references.columns] },
                onDelete: c.onDelete,
                onUpdate: c.onUpdate,
                match: c.match,
            };
        case 'check':
            return { ...common, expression: c.expression, noInherit: c.noInherit };
        case 'exclusion':
            return { ...common, definition: c.definition };
    }
}
/** The fields of {@link constraintShape} in which two constraints differ. */
export function constraintAspects(expected, actual) {
    return differingFields(constraintShape(expected), constraintShape(actual));
}
//# sourceMappingURL=shape.js.map