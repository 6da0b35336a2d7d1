import { differingFields } from '../../diff/same-value.js';
/**
 * What makes two routines of the same schema, name and identity arguments
 * the same, by aspect (the names findings and reports use). Not the comment
 * (the comment kind compares comments), not what it depends on (that
 * follows from the rest).
 */
export function routineShape(r) {
    return {
        kind: r.kind,
        returns: r.returns,
        arguments: r.argumentList,
        language: r.language,
        // A SQL-standard body never equals a string body, whatever its text.
        body: r.sqlBody !== null ? { sqlStandard: r.sqlBody } : r.body,
        library: r.library,
        volatility: r.volatility,
        strict: r.strict,
        security: r.securityDefiner,
        leakproof: r.leakproof,
        parallel: r.parallel,
        cost: r.cost,
        rows: r.rows,
        config: [...r.config],
        aggregate: r.aggregate,
    };
}
/** The aspects of {@link routineShape} in which two routines differ (`body`, `volatility`...). */
export function routineAspects(expected, actual) {
    return differingFields(routineShape(expected), routineShape(actual));
}
//# sourceMappingURL=shape.js.map