import { refKey, refParts } from '../../model/dependencies.js';
import { functionKind } from '../function/index.js';
export function triggerFunctionReady(ctx, functionKey) {
    const [schema] = refParts(functionKey);
    if (schema === 'pg_catalog')
        return true;
    if (ctx.live.model.functions.some((r) => refKey('function', r.schema, r.name, r.arguments) === functionKey))
        return true;
    return Object.keys(functionKind.findings).length > 0 && ctx.expected.model.functions.some((r) => refKey('function', r.schema, r.name, r.arguments) === functionKey);
}
/** The manual step's reason when it is not ready. */
export function functionNotReady(functionKey) {
    const [schema = '', name = ''] = refParts(functionKey);
    return `the function ${schema}.${name}() it calls exists neither in the database nor in the expected schema: create it, then run the audit again`;
}
//# sourceMappingURL=plan-needs.js.map