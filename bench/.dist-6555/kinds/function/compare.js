/** Compare routines: presence by (schema, name, signature), then their definitions. */
import { diffKeyed } from '../../diff/diff-keyed.js';
import { describedBy, oneLine, qualified } from '../../findings/words.js';
import { objectKey } from '../../model/identifiers.js';
import { routineAspects } from './shape.js';
/** What a finding names: the routine and its overload. */
export function routineObject(r) {
    return { schema: r.schema, function: r.name, arguments: r.signature };
}
/** The key of a routine: overloads (other argument types) are distinct objects; argument names are not part of it. */
export function routineKey(r) {
    return objectKey(r.schema, r.name, r.signature);
}
/** `function public.total(integer)`, `procedure app.bump(integer, integer)`. */
export function routineLabel(r) {
    const noun = r.kind === 'window' ? 'window function' : r.kind;
    return `${noun} ${qualified(r.schema, r.name)}(${r.signature})`;
}
/** `returns integer`, `language sql`... or nothing, for a routine's one-line summary. */
function signature(r) {
    return r.returns === null ? `language ${r.language}` : `returns ${oneLine(r.returns)}, language ${r.language}`;
}
/** One aspect's difference in words, the database's side first. */
export function aspectText(aspect, e, a) {
    switch (aspect) {
        case 'returns':
            return `returns ${oneLine(a.returns ?? '(nothing)')}, expected ${oneLine(e.returns ?? '(nothing)')}`;
        case 'arguments':
            return `arguments (${oneLine(a.argumentList)}), expected (${oneLine(e.argumentList)})`;
        case 'language':
            return `language ${a.language}, expected ${e.language}`;
        case 'volatility':
            return `${a.volatility}, expected ${e.volatility}`;
        case 'strict':
            return a.strict ? 'strict, expected not' : 'not strict, expected strict';
        case 'security':
            return a.securityDefiner ? 'security definer, expected security invoker' : 'security invoker, expected security definer';
        case 'leakproof':
            return a.leakproof ? 'leakproof, expected not' : 'not leakproof, expected leakproof';
        case 'parallel':
            return `parallel ${a.parallel}, expected parallel ${e.parallel}`;
        case 'cost':
            return `cost ${a.cost}, expected ${e.cost}`;
        case 'rows':
            return `rows ${a.rows}, expected ${e.rows}`;
        case 'config':
            return `SET ${configText(a.config)}, expected ${configText(e.config)}`;
        default:
            return `${aspect} differs`;
    }
}
function configText(config) {
    return config.length === 0 ? '(none)' : oneLine(config.join('; '));
}
/** Match routines by (schema, name, signature) and compare the definitions of those on both sides. */
export function compareRoutines(expected, actual) {
    const out = { findings: [], present: [] };
    const diff = diffKeyed(expected, actual, routineKey);
    for (const e of diff.missing) {
        out.findings.push({
            kind: 'missing_function',
            object: routineObject(e),
            expected: { ...e, description: e.comment },
            actual: null,
            message: `${routineLabel(e)} is missing (expected ${signature(e)})`,
        });
    }
    for (const a of diff.unexpected) {
        out.findings.push({
            kind: 'unexpected_function',
            object: routineObject(a),
            expected: null,
            actual: a,
            message: `${routineLabel(a)} is not in the expected schema (${signature(a)})`,
        });
    }
    for (const { expected: e, actual: a } of diff.common) {
        const aspects = routineAspects(e, a);
        if (aspects.length > 0) {
            out.findings.push({
                kind: 'function_definition_mismatch',
                object: routineObject(e),
                expected: e,
                actual: a,
                message: `${routineLabel(e)} differs: ${aspects.map((x) => aspectText(x, e, a)).join('; ')}`,
            });
        }
        out.present.push({ kind: 'function', object: routineObject(e), ...describedBy(e.comment), identical: aspects.length === 0 });
    }
    return out;
}
//# sourceMappingURL=compare.js.map