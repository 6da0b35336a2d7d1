/**
 * The tables of a spec as the checks of meaning read them: by key, with
 * their columns (a partition's include its parent's) and primary keys.
 * Values are as written, shapes checked as they are read (see
 * spec-file/values.ts).
 */
import { qualifiedKey, splitQualified } from '../../spec-file/names.js';
import { isRecord, str, strings } from '../../spec-file/values.js';
/** The tables of a spec whose node is a map (others are the structure pass's). */
export class SpecTables {
    #byKey = new Map();
    constructor(objects) {
        for (const { key, q, value } of objects)
            if (isRecord(value))
                this.#byKey.set(key, { key, q, table: value });
    }
    get(key) {
        return this.#byKey.get(key);
    }
    has(key) {
        return this.#byKey.has(key);
    }
    values() {
        return this.#byKey.values();
    }
    /** The key of a partition's parent, when it names one that reads as a name. */
    parentOf(info) {
        const ref = isRecord(info.table.partitionOf) ? str(info.table.partitionOf.table) : undefined;
        if (ref === undefined)
            return undefined;
        try {
            const q = splitQualified(ref, info.q.schema);
            return qualifiedKey(q.schema, q.name);
        }
        catch {
            return undefined;
        }
    }
    /** The keys of an inheritance child's parents, in order (undefined for one that does not read as a name). */
    inheritsOf(info) {
        const refs = Array.isArray(info.table.inherits) ? info.table.inherits : [];
        return refs.map((ref) => {
            if (typeof ref !== 'string')
                return undefined;
            try {
                const q = splitQualified(ref, info.q.schema);
                return qualifiedKey(q.schema, q.name);
            }
            catch {
                return undefined;
            }
        });
    }
    /** Columns of a table, its parents' included (a partition has its parent's columns). */
    columnsOf(key, visited = new Set()) {
        const info = this.#byKey.get(key);
        const result = new Set();
        if (info === undefined || visited.has(key))
            return result;
        visited.add(key);
        if (isRecord(info.table.columns))
            for (const c of Object.keys(info.table.columns))
                result.add(c);
        const parent = this.parentOf(info);
        if (parent !== undefined)
            for (const c of this.columnsOf(parent, visited))
                result.add(c);
        return result;
    }
    /** A table's primary key columns, when it has one. */
    primaryKeyOf(key) {
        const pk = this.#byKey.get(key)?.table.primaryKey;
        if (Array.isArray(pk))
            return strings(pk);
        if (isRecord(pk))
            return strings(pk.columns);
        return undefined;
    }
}
//# sourceMappingURL=spec-tables.js.map