/**
 * A table's constraints as `snapshot` writes them: names only when they are
 * not PostgreSQL's defaults, and one-column constraints as shorthands on
 * their column where the shorthand says it all.
 */
import { ownRecord, ownValue } from '../../model/own.js';
import { objectKey } from '../../model/identifiers.js';
import { defaultNames, indexColumnNames } from '../../model/naming.js';
import { refName } from '../../spec-file/names.js';
import { oneLine } from '../../spec-file/one-line.js';
const sameColumns = (a, b) => a.length === b.length && a.every((c, i) => c === b[i]);
/** The index column names of the index backing a constraint (its columns when not found), as default names use them. */
export function indexColumnNamesOf(t, indexName, fallback) {
    const index = t.indexes.find((i) => i.name === indexName);
    return index ? indexColumnNames(index.keys, index.include) : [...fallback];
}
function referenceSpec(naming, t, fk) {
    const referenced = naming.findTable(fk.references.schema, fk.references.table);
    const referencedPk = referenced?.constraints.find((c) => c.kind === 'primary_key');
    const ref = { table: refName(t.schema, fk.references.schema, fk.references.table) };
    if (!referencedPk || !sameColumns(referencedPk.columns, fk.references.columns)) {
        if (fk.references.columns.length === 1)
            ref.column = fk.references.columns[0];
        else
            ref.columns = [...fk.references.columns];
    }
    if (fk.onDelete !== 'NO ACTION')
        ref.onDelete = fk.onDelete.toLowerCase();
    if (fk.onUpdate !== 'NO ACTION')
        ref.onUpdate = fk.onUpdate.toLowerCase();
    if (fk.match === 'FULL')
        ref.match = 'full';
    if (fk.deferrable)
        ref.deferrable = true;
    if (fk.initiallyDeferred)
        ref.initiallyDeferred = true;
    return ref;
}
/**
 * The column a one-column constraint can be written on as a shorthand, the
 * first time only (a column has one `unique`, one `check`, one `references`).
 */
function shorthandColumn(from, used, columns, shorthand) {
    const column = columns.length === 1 ? ownValue(from.columns, columns[0]) : undefined;
    if (!column || from.isPartition || used.has(objectKey(columns[0], shorthand)))
        return undefined;
    used.add(objectKey(columns[0], shorthand));
    return column;
}
/** A table's own constraints as its node's keys, in the order `snapshot` writes them; shorthands are set on `from.columns`. */
export function constraintsSpec(naming, from) {
    const { table: t, own } = from;
    const out = {};
    const used = new Set(); // objectKey(column, shorthand) already written
    const pk = own.find((c) => c.kind === 'primary_key');
    if (pk) {
        out.primaryKey = naming.isDefaultName(t.schema, pk.name, defaultNames.primaryKey(t.name), true)
            ? [...pk.columns]
            : { name: pk.name, columns: [...pk.columns] };
    }
    const uniques = [];
    for (const u of own.filter((c) => c.kind === 'unique')) {
        const defaultName = naming.isDefaultName(t.schema, u.name, defaultNames.unique(t.name, indexColumnNamesOf(t, u.name, u.columns)), true);
        const column = !u.nullsNotDistinct && !u.deferrable ? shorthandColumn(from, used, u.columns, 'unique') : undefined;
        if (column) {
            column.unique = defaultName ? true : u.name;
            continue;
        }
        uniques.push({
            ...(defaultName ? {} : { name: u.name }),
            columns: [...u.columns],
            ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
            ...(u.deferrable ? { deferrable: true } : {}),
            ...(u.initiallyDeferred ? { initiallyDeferred: true } : {}),
        });
    }
    if (uniques.length)
        out.unique = uniques;
    const checks = [];
    for (const c of own.filter((x) => x.kind === 'check')) {
        const named = !c.noInherit && c.columns.length === 1 && c.name === defaultNames.columnCheck(t.name, c.columns[0]);
        const column = named ? shorthandColumn(from, used, c.columns, 'check') : undefined;
        if (column) {
            column.check = oneLine(c.expression);
            continue;
        }
        const defaultName = naming.isDefaultName(t.schema, c.name, defaultNames.check(t.name, c.columns), false);
        checks.push({ ...(defaultName ? {} : { name: c.name }), expression: oneLine(c.expression), ...(c.noInherit ? { noInherit: true } : {}) });
    }
    if (checks.length)
        out.checks = checks;
    const foreignKeys = [];
    for (const fk of own.filter((c) => c.kind === 'foreign_key')) {
        const defaultName = naming.isDefaultName(t.schema, fk.name, defaultNames.foreignKey(t.name, fk.columns), false);
        const reference = referenceSpec(naming, t, fk);
        const column = shorthandColumn(from, used, fk.columns, 'references');
        if (column) {
            column.references = defaultName ? reference : { ...reference, name: fk.name };
            continue;
        }
        foreignKeys.push({ ...(defaultName ? {} : { name: fk.name }), columns: [...fk.columns], references: reference });
    }
    if (foreignKeys.length)
        out.foreignKeys = foreignKeys;
    const exclusions = own.filter((c) => c.kind === 'exclusion');
    if (exclusions.length)
        out.exclusions = ownRecord(exclusions.map((x) => [x.name, oneLine(x.definition)]));
    return out;
}
//# sourceMappingURL=spec-from-model.js.map