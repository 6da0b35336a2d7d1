import { newColumns, ofKind } from './analysis.js';
import { findingObjectName } from './finding-words.js';
import { migrationRollback } from './migration.js';
import { unexpectedCount } from './other-drift.js';
import { qualifiedColumn } from './recommendations.js';
import { code, isAre, itThem, listJoin, the } from './syntax.js';
/** Point 2: what the reverse migration does. */
function reversible(a, added) {
    const reverse = [];
    if (a.missingIndexes.length > 0)
        reverse.push(the(a.missingIndexes.length, 'new index', 'new indexes'));
    if (added.length > 0) {
        const carried = added.reduce((n, m) => n + m.column.constraints.length, 0);
        const withCarried = carried > 0 ? ` with ${the(carried, 'constraint')} ${added.length === 1 ? 'it carries' : 'they carry'}` : '';
        reverse.push(`${the(added.length, 'new column')}${withCarried}`);
    }
    if (a.missingTables.length > 0)
        reverse.push(the(a.missingTables.length, 'new table'));
    const changed = a.other.length - unexpectedCount(a.other);
    let text = 'Make every migration reversible';
    if (reverse.length > 0)
        text += `: the reverse of this one drops ${listJoin(reverse)}, in that order`;
    if (changed > 0)
        text += `${reverse.length > 0 ? ', and' : ':'} returns each difference fixed from Other Drift to its current definition`;
    return `${text}.`;
}
/** Point 4: what a rollback loses. */
function lostText(a, added) {
    const lost = [];
    const columnList = (list) => listJoin(list.map((m) => qualifiedColumn(m.schema, m.table, m.column.name)));
    const stored = added.filter((m) => m.column.generated === null);
    const generated = added.filter((m) => m.column.generated !== null);
    if (stored.length > 0) {
        lost.push(`Dropping ${columnList(stored)} discards every value written to ${itThem(stored.length)} after the migration`);
    }
    if (generated.length > 0) {
        const n = generated.length;
        lost.push(`${columnList(generated)} ${isAre(n)} generated, so nothing is lost that adding ${itThem(n)} again would not recompute`);
    }
    if (a.missingTables.length > 0) {
        const tables = listJoin(a.missingTables.map((f) => code(findingObjectName(f.object))));
        lost.push(`Dropping ${tables} discards every row written to ${itThem(a.missingTables.length)}`);
    }
    const types = ofKind(a.other, 'column_type_mismatch');
    if (types.length > 0) {
        const each = types.map((f) => `${code(findingObjectName(f.object))} (${code(f.expected.type)} back to ${code(f.actual.type)})`);
        lost.push(`Reverting a type change fails, or truncates values, where they no longer fit the old type: ${listJoin(each)}`);
    }
    if (a.missingIndexes.length > 0)
        lost.push('Dropping indexes loses no data, only the speed of the queries they serve');
    return lost.length === 0
        ? 'Document the data a rollback would lose.'
        : ['Document the data a rollback would lose:', ...lost.map((l) => `   - ${l}`)].join('\n');
}
/** `## Rollback Procedures`. */
export function rollback(report, a) {
    const out = ['## Rollback Procedures'];
    const added = newColumns(a);
    if (a.missingTables.length + added.length + a.missingIndexes.length + a.other.length === 0) {
        out.push('The audit recommends no schema change, so there is nothing to roll back. For future migrations: back up the database first, ' +
            'make every migration reversible, test the rollback on a copy, and write down what data a rollback would lose.');
        return out;
    }
    out.push('Apply the recommended changes with rollback in mind:');
    out.push([
        `1. Back up the database ${code(report.target.database)} before applying the migration (for example with ${code('pg_dump')}).`,
        `2. ${reversible(a, added)}`,
        '3. Test the migration and its rollback on a copy of the database (development or staging) before running it in production.',
        `4. ${lostText(a, added)}`,
    ].join('\n'));
    out.push(...migrationRollback(report));
    return out;
}
//# sourceMappingURL=rollback.js.map