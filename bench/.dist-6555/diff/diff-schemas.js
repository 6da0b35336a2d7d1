/**
 * The diff engine: compare the expected schema model with the actual one.
 * Pure: no I/O, no database, no clock; the same inputs give the same output,
 * whatever the order of the input lists.
 *
 * Algorithm
 * 1. Each top-level kind of the registry that is compared (enums, tables)
 *    compares its section of both models, objects in scope only, and yields
 *    drafts of findings (a container kind includes its members': a table's
 *    columns, constraints, indexes) and the expected objects it found.
 * 2. The drafts are sorted into report order (by object, then finding
 *    kind), given ids and severities, and those an ignore rule matches are
 *    set aside.
 */
import { InvalidSpecError } from '../errors.js';
import { compareFindingObjects, findingId, isSeverity, objectPath, summarize, } from '../findings/finding.js';
import { FINDING_KIND_RANK, isFindingKind, severityOf } from '../findings/kinds.js';
import { KINDS } from '../kinds/registry.js';
import { compareText } from '../model/sort.js';
import { compileIgnoreRules, findIgnoreRule } from './ignore.js';
/**
 * The schemas an audit covers: the ones given (`--schema`), else those of
 * the expected model: its `schemas` list, and the schemas of the objects of
 * every kind the diff compares. Advice and --verify use the same scope.
 */
export function auditScope(expected, schemas) {
    if (schemas !== undefined)
        return [...new Set(schemas)];
    const out = new Set(expected.schemas.map((s) => s.name));
    for (const kind of KINDS) {
        if (kind.compare === null || !('section' in kind.placement))
            continue;
        for (const object of expected[kind.placement.section]) {
            if (object.schema !== undefined)
                out.add(object.schema);
        }
    }
    return [...out];
}
/**
 * Compare `expected` with `actual` and report the drift (see the module
 * comment). Renames are never guessed: a renamed column is one missing and
 * one unexpected column.
 *
 * Throws an `InvalidSpecError` when an ignore rule or a severity override
 * is invalid.
 */
export function diffSchemas(expected, actual, options = {}) {
    const rules = compileIgnoreRules(options.ignore ?? []);
    validateSeverities(options.severity);
    const scope = new Set(auditScope(expected, options.schemas));
    const inScope = (schema) => scope.has(schema);
    const drafts = [];
    const present = [];
    // Loops, not push(...list): spreading a list of 100k+ entries can overflow the stack.
    const collect = (c) => {
        for (const f of c.findings)
            drafts.push(f);
        for (const p of c.present)
            present.push(p);
    };
    for (const kind of KINDS)
        if (kind.compare !== null)
            collect(kind.compare(expected, actual, inScope));
    const findings = [];
    const ignored = [];
    for (const draft of drafts.sort(compareDrafts)) {
        // Every draft comes from a registered kind's comparison: its kind is a FindingKind.
        const kind = draft.kind;
        const id = findingId(kind, draft.object);
        const rule = findIgnoreRule(rules, kind, objectPath(draft.object));
        if (rule !== undefined) {
            ignored.push({ rule, findingId: id });
            continue;
        }
        findings.push({
            id,
            kind,
            category: 'drift',
            severity: severityOf(kind, options.severity),
            object: draft.object,
            expected: draft.expected,
            actual: draft.actual,
            message: draft.message,
        });
    }
    return { findings, present: present.sort(comparePresent), ignored, summary: summarize(findings) };
}
function validateSeverities(overrides) {
    if (overrides === undefined)
        return;
    for (const [kind, severity] of Object.entries(overrides)) {
        if (!isFindingKind(kind))
            throw new InvalidSpecError(`unknown finding kind ${JSON.stringify(kind)} in severity overrides`);
        if (severity === undefined)
            continue; // Partial<>: an absent override
        if (typeof severity !== 'string' || !isSeverity(severity)) {
            throw new InvalidSpecError(`invalid severity ${JSON.stringify(severity)} for ${kind}: expected error, warning or info`);
        }
    }
}
function compareDrafts(x, y) {
    return (compareFindingObjects(x.object, y.object) ||
        (FINDING_KIND_RANK.get(x.kind) ?? 0) - (FINDING_KIND_RANK.get(y.kind) ?? 0) ||
        compareText(findingId(x.kind, x.object), findingId(y.kind, y.object)));
}
/** Present objects of one place: by the registry order of their kinds. */
const KIND_RANK = new Map(KINDS.map((k, i) => [k.name, i]));
function comparePresent(x, y) {
    return compareFindingObjects(x.object, y.object) || (KIND_RANK.get(x.kind) ?? 0) - (KIND_RANK.get(y.kind) ?? 0);
}
//# sourceMappingURL=diff-schemas.js.map