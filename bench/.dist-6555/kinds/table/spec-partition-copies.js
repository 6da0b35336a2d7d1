/**
 * What a partition gets from its parent, and what PostgreSQL creates by
 * itself, as `snapshot` recognises it to leave it out: a check or foreign
 * key of the parent has the same name in every partition; a copied primary
 * key, unique constraint, exclusion or index is recognised by its structure
 * and its default name (`<partition>_pkey`, `<partition>_<cols>_idx`, ...),
 * when that name is free in the schema. A foreign key to a partitioned
 * table is copied, under a numbered name, once per partition of the
 * referenced table: the copies follow the original.
 */
import { objectKey } from '../../model/identifiers.js';
import { defaultNames, indexColumnNames } from '../../model/naming.js';
import { indexColumnNamesOf } from '../constraint/spec-from-model.js';
import { sameIndexStructure } from '../index/spec.js';
/** The model's tables by name, with their partition parents. */
export class ModelTables {
    #byKey;
    constructor(model) {
        this.#byKey = new Map(model.tables.map((t) => [objectKey(t.schema, t.name), t]));
    }
    find(schema, name) {
        return this.#byKey.get(objectKey(schema, name));
    }
    parentOf(t) {
        return t.partitionOf ? this.find(t.partitionOf.schema, t.partitionOf.table) : undefined;
    }
    /** The parent, its parent, ... (a cycle stops the walk). */
    ancestors(t) {
        const out = [];
        for (let p = this.parentOf(t); p && !out.includes(p); p = this.parentOf(p))
            out.push(p);
        return out;
    }
}
const sameColumns = (a, b) => a.length === b.length && a.every((c, i) => c === b[i]);
/** A copy of a foreign key to a partitioned table, made for a partition of the referenced table. */
function isForeignKeyCopy(tables, t, c) {
    const referenced = tables.find(c.references.schema, c.references.table);
    if (!referenced?.partitionOf)
        return false;
    const above = tables.ancestors(referenced);
    return t.constraints.some((o) => o !== c &&
        o.kind === 'foreign_key' &&
        c.name.startsWith(o.name) &&
        sameColumns(o.columns, c.columns) &&
        o.onDelete === c.onDelete &&
        o.onUpdate === c.onUpdate &&
        o.match === c.match &&
        above.some((a) => a.schema === o.references.schema && a.name === o.references.table));
}
function isInheritedConstraint(tables, t, c, relationCount) {
    if (c.kind === 'foreign_key' && isForeignKeyCopy(tables, t, c))
        return true;
    const parent = tables.parentOf(t);
    if (!parent)
        return false;
    const free = (name) => relationCount(name) <= 1;
    switch (c.kind) {
        case 'check':
            return parent.constraints.some((p) => p.kind === 'check' && p.name === c.name);
        case 'foreign_key':
            return parent.constraints.some((p) => p.kind === 'foreign_key' && p.name === c.name && p.definition === c.definition);
        case 'primary_key':
            return (parent.constraints.some((p) => p.kind === 'primary_key' && sameColumns(p.columns, c.columns)) &&
                c.name === defaultNames.primaryKey(t.name) &&
                free(c.name));
        case 'unique':
            return (parent.constraints.some((p) => p.kind === 'unique' &&
                sameColumns(p.columns, c.columns) &&
                p.nullsNotDistinct === c.nullsNotDistinct &&
                p.deferrable === c.deferrable &&
                p.initiallyDeferred === c.initiallyDeferred &&
                p.definition === c.definition) &&
                c.name === defaultNames.unique(t.name, indexColumnNamesOf(t, c.name, c.columns)) &&
                free(c.name));
        case 'exclusion':
            return (parent.constraints.some((p) => p.kind === 'exclusion' && p.definition === c.definition) &&
                c.name === defaultNames.exclusion(t.name, indexColumnNamesOf(t, c.name, c.columns)) &&
                free(c.name));
    }
}
function isInheritedIndex(tables, t, index, relationCount) {
    const parent = tables.parentOf(t);
    if (!parent || index.constraint !== null)
        return false;
    return (parent.indexes.some((p) => p.constraint === null && sameIndexStructure(p, index)) &&
        index.name === defaultNames.index(t.name, indexColumnNames(index.keys, index.include)) &&
        relationCount(index.name) <= 1);
}
/** The copies among the model's tables' constraints and indexes; `relationCountIn`: relation names in use per schema. */
export function partitionCopies(tables, model, relationCountIn) {
    const constraints = new Set();
    const indexes = new Set();
    for (const t of model.tables) {
        const count = relationCountIn(t.schema);
        for (const c of t.constraints)
            if (isInheritedConstraint(tables, t, c, count))
                constraints.add(c);
        for (const i of t.indexes)
            if (isInheritedIndex(tables, t, i, count))
                indexes.add(i);
    }
    return { constraints, indexes };
}
//# sourceMappingURL=spec-partition-copies.js.map