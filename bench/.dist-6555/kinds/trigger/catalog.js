/** Triggers from the catalog: user `pg_trigger` rows of the tables in scope, streamed (see kind-catalog.ts). */
import { sql } from 'kysely';
import { tableScope } from '../../introspect/postgres/table-scope.js';
import { dependsOnSql } from '../../introspect/postgres/depends-sql.js';
import { decodeDependsOn, refKey } from '../../model/dependencies.js';
/** The select list of {@link triggersQuery}. */
export const TRIGGER_FIELDS = [
    'table_oid',
    'name',
    'enabled',
    'definition',
    'is_constraint',
    'function_schema',
    'function_name',
    'depends_on',
    'comment',
];
/**
 * User triggers; internal ones (foreign-key enforcement) are skipped, and so
 * are the clones a partitioned table's trigger makes on its partitions
 * (tgparentid): PostgreSQL 14 marks those internal, 15+ does not, and the
 * parent's trigger already says they exist. No ORDER BY: each table's
 * triggers are sorted by name when it is assembled. `tgconstraint` is set
 * for a constraint trigger (and for the internal ones, left out).
 */
export function triggersQuery(scope) {
    return {
        fields: TRIGGER_FIELDS,
        sql: sql `
      with ${tableScope(scope)}
      select t.tgrelid as table_oid, t.tgname as name, t.tgenabled as enabled,
             pg_catalog.pg_get_triggerdef(t.oid) as definition,
             t.tgconstraint <> 0 as is_constraint,
             pn.nspname as function_schema, p.proname as function_name,
             ${dependsOnSql('pg_catalog.pg_trigger', 'array[t.oid]', null)} as depends_on,
             d.description as comment
      from scope
      join pg_catalog.pg_trigger t on t.tgrelid = scope.oid
      join pg_catalog.pg_proc p on p.oid = t.tgfoid
      join pg_catalog.pg_namespace pn on pn.oid = p.pronamespace
      left join pg_catalog.pg_description d                  -- trigger comment
        on d.objoid = t.oid and d.classoid = 'pg_catalog.pg_trigger'::regclass and d.objsubid = 0
      where not t.tgisinternal and t.tgparentid = 0`,
    };
}
const ENABLED = { O: 'origin', D: 'disabled', R: 'replica', A: 'always' };
/** `tgenabled` (also `evtenabled` of event triggers) as a model value. */
export function decodeEnabled(letter) {
    return ENABLED[letter ?? 'O'] ?? 'origin';
}
/**
 * A trigger row as a model trigger, on table `schema`.`table` (the table
 * itself, which every trigger depends on, is left out of `dependsOn`).
 */
export function decodeTrigger(row, schema, table) {
    const [, name, enabled, definition, isConstraint, functionSchema, functionName, dependsOn, comment] = row;
    const own = refKey('relation', schema, table);
    return {
        name: name,
        enabled: decodeEnabled(enabled),
        definition: definition,
        constraint: isConstraint === 't',
        function: refKey('function', functionSchema, functionName, ''),
        dependsOn: decodeDependsOn(dependsOn).filter((k) => k !== own),
        comment: comment ?? null,
    };
}
/** How triggers are read: see kind-catalog.ts. */
export const TRIGGER_CATALOG = { role: 'member', statements: [{ step: 'trigger', query: triggersQuery }] };
//# sourceMappingURL=catalog.js.map