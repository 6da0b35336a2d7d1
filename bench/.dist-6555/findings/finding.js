/**
 * The vocabulary every finding shares, drift (the diff engine, one kind of
 * object at a time: src/kinds) and advice (src/advice) alike: severities,
 * the object a finding is about, the finding itself, its id. Plain,
 * JSON-safe data. This module imports nothing of the kinds or the stages,
 * so every one of them can import it.
 */
import { displayName } from '../model/identifiers.js';
import { compareText } from '../model/sort.js';
/** Severities, most severe first. */
export const SEVERITIES = ['error', 'warning', 'info'];
/** True when `value` is a known severity (for validating configuration). */
export function isSeverity(value) {
    return SEVERITIES.includes(value);
}
/** Larger is more severe: what `--fail-on` compares. */
export const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
export function summarize(findings) {
    let error = 0;
    let warning = 0;
    let info = 0;
    for (const f of findings) {
        if (f.severity === 'error')
            error++;
        else if (f.severity === 'warning')
            warning++;
        else
            info++;
    }
    return { error, warning, info, total: findings.length };
}
/** Fields of {@link FindingObject} that name a top-level object (a container of members or not), in report order: types, sequences, functions, tables, views, event triggers, extensions. */
export const CONTAINER_FIELDS = ['enum', 'domain', 'sequence', 'function', 'table', 'view', 'eventTrigger', 'extension'];
/** Fields of {@link FindingObject} that name a member of a container, in report order within a container. */
export const MEMBER_FIELDS = ['column', 'value', 'index', 'constraint', 'trigger'];
function containerOf(object) {
    for (let rank = 0; rank < CONTAINER_FIELDS.length; rank++) {
        const name = object[CONTAINER_FIELDS[rank]];
        if (name !== undefined)
            return { rank, name };
    }
    return null;
}
/** The member an object is (rank 1 and up, by MEMBER_FIELDS), or rank 0 for the container itself. */
function memberOf(object) {
    for (let k = 0; k < MEMBER_FIELDS.length; k++) {
        const name = object[MEMBER_FIELDS[k]];
        if (name !== undefined)
            return { rank: k + 1, name };
    }
    return { rank: 0, name: '' };
}
/** The object's name parts, outermost first: `[schema, table, column]`, `[schema, enum, value]`. */
export function objectPath(object) {
    const parts = [object.schema];
    const container = containerOf(object);
    if (container !== null)
        parts.push(container.name);
    const member = memberOf(object);
    if (member.rank > 0)
        parts.push(member.name);
    return parts;
}
/**
 * The display name of a finding's object: `public.leads.score`,
 * `public."Odd|Name"`, and for a function its overload's identity arguments
 * too: `public.total(integer, text)`.
 */
export function objectDisplayName(object) {
    const name = displayName(...objectPath(object));
    return object.arguments === undefined ? name : `${name}(${object.arguments})`;
}
/**
 * `<kind>:<display name>`, e.g. `missing_column:public.leads.score`,
 * `missing_function:public.total(integer)`; with the object's kind when the
 * object names it: `comment_mismatch:index:public.leads.idx`.
 */
export function findingId(kind, object) {
    return `${kind}:${object.kind === undefined ? '' : `${object.kind}:`}${objectDisplayName(object)}`;
}
/**
 * Report order of objects: by schema, then container (enums before tables,
 * each by name), then the container itself before its members (columns,
 * indexes, constraints, each group by name). Code-unit order throughout,
 * never the database's collation.
 */
export function compareFindingObjects(x, y) {
    const cx = containerOf(x);
    const cy = containerOf(y);
    const mx = memberOf(x);
    const my = memberOf(y);
    return (compareText(x.schema, y.schema) ||
        (cx?.rank ?? -1) - (cy?.rank ?? -1) ||
        compareText(cx?.name ?? '', cy?.name ?? '') ||
        compareText(x.arguments ?? '', y.arguments ?? '') ||
        mx.rank - my.rank ||
        compareText(mx.name, my.name));
}
//# sourceMappingURL=finding.js.map