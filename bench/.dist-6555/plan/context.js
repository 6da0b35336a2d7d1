/**
 * What the kinds' plan functions (src/kinds/<kind>/plan*.ts) see of the plan
 * being built: its settings, lookups over both models (built once per
 * plan), and where steps go. The orchestrator (plan.ts) makes one context
 * per plan and keeps what crosses kinds (phases, passes, step ids); a kind
 * imports this module, never the orchestrator or the registry.
 */
import { displayName, objectKey, qualifiedName, quoteIdent } from '../model/identifiers.js';
/** `about 5,000 rows`, `no rows`, `size unknown: never analysed`. */
export function rowsText(rows) {
    if (rows === null || rows === undefined || rows < 0)
        return 'size unknown: never analysed';
    if (rows === 0)
        return 'empty, as last analysed';
    return `about ${Math.round(rows).toLocaleString('en-US')} rows`;
}
/** How SQL text names an object of the model: unqualified in `public` (the search path the model was deparsed with). */
function sqlName(schema, name) {
    return schema === 'public' ? quoteIdent(name) : qualifiedName(schema, name);
}
/** Lookups over one model, built once per plan. */
export class ModelLookup {
    model;
    /** Schemas that hold something: listed ones, and those of tables and enums. */
    schemas;
    /** Extension names. */
    extensions;
    tables;
    enums;
    sequences;
    /** Keys of the types a column can name besides built-in ones: domains and enums. */
    types;
    domainsByName;
    sequencesByName;
    constructor(model) {
        this.model = model;
        this.schemas = new Set([...model.schemas.map((s) => s.name), ...model.tables.map((t) => t.schema), ...model.enums.map((e) => e.schema)]);
        this.extensions = new Set(model.extensions.map((e) => e.name));
        this.tables = new Map(model.tables.map((t) => [objectKey(t.schema, t.name), t]));
        this.enums = new Map(model.enums.map((e) => [objectKey(e.schema, e.name), e]));
        this.sequences = new Map(model.sequences.map((s) => [objectKey(s.schema, s.name), s]));
        this.types = new Set([...model.domains, ...model.enums].map((d) => objectKey(d.schema, d.name)));
        this.domainsByName = new Map(model.domains.map((d) => [sqlName(d.schema, d.name), d]));
        const sequencesByName = new Map();
        for (const s of model.sequences) {
            sequencesByName.set(sqlName(s.schema, s.name), s);
            sequencesByName.set(qualifiedName(s.schema, s.name), s);
        }
        this.sequencesByName = sequencesByName;
    }
    table(schema, name) {
        return this.tables.get(objectKey(schema, name));
    }
    enum(schema, name) {
        return this.enums.get(objectKey(schema, name));
    }
    hasSequence(schema, name) {
        return this.sequences.has(objectKey(schema, name));
    }
    /** True when a domain or an enum of that name exists. */
    hasType(schema, name) {
        return this.types.has(objectKey(schema, name));
    }
    /** The domain a column type names (`year`, `billing.money_amount`), array brackets removed. */
    domainNamed(typeText) {
        return this.domainsByName.get(typeText.replace(/(\[\])+$/, ''));
    }
    /** The sequence a `nextval('…')` default names, written as in the default (`leads_id_seq`, `public.leads_id_seq`). */
    sequenceNamed(text) {
        return this.sequencesByName.get(text);
    }
    /** The non-identity sequences owned by columns of table `t` (a serial column's: dropped with it), or of its column `column`. */
    ownedSequences(t, column) {
        return this.model.sequences.filter((q) => !q.identity && q.ownedBy?.schema === t.schema && q.ownedBy.table === t.name && (column === undefined || q.ownedBy.column === column));
    }
}
/** The context's lookups, built once from the plan's input. */
export function planLookups(expected, live) {
    const e = new ModelLookup(expected);
    const l = new ModelLookup(live);
    const knownSchemas = new Set([...l.schemas, ...expected.schemas.map((s) => s.name), ...expected.tables.map((t) => t.schema)]);
    return {
        expected: e,
        live: l,
        knownSchemas,
        sizeOf: (schema, table) => `${displayName(schema, table)} (${rowsText(l.table(schema, table)?.rowEstimate)})`,
    };
}
//# sourceMappingURL=context.js.map