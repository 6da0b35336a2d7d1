/**
 * What uses a routine, in a model: other routines (an aggregate's support
 * functions, a SQL-standard body calling it), and every object of another
 * kind whose model carries `dependsOn` ref keys (views, triggers), or a
 * trigger whose definition executes it. Never CASCADE: the plan lists these
 * and lets a person decide.
 */
import { refKey } from '../../model/dependencies.js';
import { displayName } from '../../model/identifiers.js';
/** The ref key others name a routine by (src/model/dependencies.ts). */
export function routineRef(r) {
    return refKey('function', r.schema, r.name, r.arguments);
}
function dependsOnOf(object) {
    const d = object.dependsOn;
    return Array.isArray(d) ? d : [];
}
/** `function public.f(integer)`, `view public.v`, `trigger t on public.x`: what uses `r` in `model`. */
export function routineDependents(model, r) {
    const ref = routineRef(r);
    const out = [];
    for (const f of model.functions) {
        if (f !== r && f.dependsOn.includes(ref))
            out.push(`${f.kind} ${displayName(f.schema, f.name)}(${f.signature})`);
    }
    for (const v of model.views)
        if (dependsOnOf(v).includes(ref))
            out.push(`view ${displayName(v.schema, v.name)}`);
    const executes = new RegExp(`EXECUTE (?:FUNCTION|PROCEDURE) (?:${escape(displayName(r.schema, r.name))}|${escape(displayName(r.name))})\\(`);
    for (const t of model.tables) {
        for (const trigger of t.triggers) {
            if (dependsOnOf(trigger).includes(ref) || executes.test(trigger.definition)) {
                out.push(`trigger ${displayName(trigger.name)} on ${displayName(t.schema, t.name)}`);
            }
        }
    }
    return out;
}
function escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
//# sourceMappingURL=dependents.js.map