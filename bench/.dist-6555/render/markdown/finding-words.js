/**
 * What the markdown report takes from the registry about a finding: its
 * kind's words (src/kinds/<kind>/words.ts), its Other Drift cell, and what
 * its object is called.
 */
import { CONTAINER_FIELDS, MEMBER_FIELDS } from '../../findings/finding.js';
import { findingAspects, objectKindOf } from '../../findings/kinds.js';
import { KINDS } from '../../kinds/registry.js';
import { schemaKind } from '../../kinds/schema/index.js';
import { quoteIdent } from '../../model/identifiers.js';
import { code } from './syntax.js';
/** The words of a finding kind, from the kind that defines it. */
export function findingWords(kind) {
    const found = objectKindOf(kind).words[kind];
    if (found === undefined)
        throw new RangeError(`the ${objectKindOf(kind).name} kind has no words for ${JSON.stringify(kind)}`);
    return found;
}
/** The finding's cell in the Other Drift table, or null when the report lists it in a section of its own. */
export function otherDriftCell(f) {
    return findingWords(f.kind).otherDriftCell(f, findingAspects(f));
}
/** `leads`, `billing.invoices`, `leads.score`, `lead_status`, `total(integer)`: the object a finding is about (enum labels left out). */
export function findingObjectName(o) {
    const parts = [];
    if (o.schema !== 'public')
        parts.push(o.schema);
    const container = CONTAINER_FIELDS.map((field) => o[field]).find((name) => name !== undefined);
    if (container !== undefined)
        parts.push(container);
    const member = MEMBER_FIELDS.filter((field) => field !== 'value')
        .map((field) => o[field])
        .find((name) => name !== undefined);
    if (member !== undefined)
        parts.push(member);
    if (parts.length === 0)
        parts.push(o.schema);
    const name = parts.map(quoteIdent).join('.');
    return o.arguments === undefined ? name : `${name}(${o.arguments})`;
}
/**
 * The kinds that name objects in findings, members first: an object is of
 * the most specific kind it names (`{ table, column }` is a column), and
 * of none but its schema when it names nothing else.
 */
const NAMING_KINDS = [
    ...KINDS.filter((k) => k.objectField !== null && 'container' in k.placement),
    ...KINDS.filter((k) => k.objectField !== null && 'section' in k.placement),
];
/** `` column `leads.score` ``, `` enum `lead_status` ``: the Object cell of a finding, drift or advice. */
export function findingObjectText(o) {
    const kind = NAMING_KINDS.find((k) => k.objectField !== null && o[k.objectField] !== undefined) ?? schemaKind;
    return `${kind.noun.one} ${code(findingObjectName(o))}`;
}
//# sourceMappingURL=finding-words.js.map