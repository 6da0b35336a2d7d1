import { differingFields } from '../../diff/same-value.js';
/**
 * What makes two indexes the same: their structure. Not the name (the key),
 * not `definition` (it embeds the index name and the table's schema), not
 * `valid` (a state, not a shape), not the backing constraint's name.
 */
export function indexShape(i) {
    return {
        method: i.method,
        unique: i.unique,
        primary: i.primary,
        keys: i.keys.map((k) => ({
            column: k.column,
            expression: k.expression,
            order: k.order,
            nulls: k.nulls,
            opclass: k.opclass,
            collation: k.collation,
        })),
        include: [...i.include],
        where: i.where,
        nullsNotDistinct: i.nullsNotDistinct,
    };
}
/** The fields of {@link indexShape} in which two indexes differ. */
export function indexAspects(expected, actual) {
    return differingFields(indexShape(expected), indexShape(actual));
}
//# sourceMappingURL=shape.js.map