/** SQL for triggers: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doBlock, doIf, regclass } from '../sql.js';
const CREATE = /^CREATE (CONSTRAINT )?TRIGGER /;
/** True when `definition` starts as pg_get_triggerdef's text does (`CREATE [CONSTRAINT] TRIGGER `). */
export function isTriggerDefinition(definition) {
    return CREATE.test(definition);
}
function triggerExists(schema, table, name) {
    return `EXISTS (SELECT FROM pg_catalog.pg_trigger WHERE tgrelid = ${regclass(schema, table)} AND tgname = ${quoteLiteral(name)})`;
}
export function dropTriggerSql(schema, table, name) {
    return `DROP TRIGGER IF EXISTS ${quoteIdent(name)} ON ${qualifiedName(schema, table)}`;
}
/**
 * The trigger as it is defined, re-runnable: `CREATE OR REPLACE TRIGGER`
 * (PostgreSQL 14+, every supported major) for an ordinary trigger; a
 * constraint trigger, which PostgreSQL cannot replace, only when the table
 * has no trigger of that name. `definition` must be a CREATE TRIGGER
 * statement (checked where it comes from: the server printed it, or a
 * checked spec or snapshot).
 */
export function createTriggerSql(schema, table, t) {
    if (!isTriggerDefinition(t.definition))
        throw new Error(`internal error: trigger ${t.name} has no CREATE TRIGGER definition`);
    if (!t.constraint && !t.definition.startsWith('CREATE CONSTRAINT '))
        return t.definition.replace(CREATE, 'CREATE OR REPLACE TRIGGER ');
    return doIf(`NOT ${triggerExists(schema, table, t.name)}`, t.definition);
}
/**
 * Replace a trigger by another definition of the same name: CREATE OR
 * REPLACE when neither is a constraint trigger; else the drop and the
 * create in one DO block (one statement: the table is never without the
 * trigger, and a re-run replaces it again).
 */
export function replaceTriggerSql(schema, table, from, to) {
    if (!from.constraint && !to.constraint && !to.definition.startsWith('CREATE CONSTRAINT '))
        return createTriggerSql(schema, table, to);
    if (!isTriggerDefinition(to.definition))
        throw new Error(`internal error: trigger ${to.name} has no CREATE TRIGGER definition`);
    return doBlock([`${dropTriggerSql(schema, table, to.name)};`, `${to.definition};`]);
}
const ENABLE = {
    origin: 'ENABLE',
    disabled: 'DISABLE',
    replica: 'ENABLE REPLICA',
    always: 'ENABLE ALWAYS',
};
/** `ALTER TABLE … ENABLE | DISABLE | ENABLE REPLICA | ENABLE ALWAYS TRIGGER name` (partitions follow their parent). */
export function enableTriggerSql(schema, table, name, state) {
    return `ALTER TABLE ${qualifiedName(schema, table)} ${ENABLE[state]} TRIGGER ${quoteIdent(name)}`;
}
export function commentOnTriggerSql(schema, table, name, comment) {
    return commentSql('TRIGGER', `${quoteIdent(name)} ON ${qualifiedName(schema, table)}`, comment);
}
/** A trigger built from nothing: the definition, its state when not the default (origin), its comment. */
export function buildTriggerSql(schema, table, t) {
    return [
        createTriggerSql(schema, table, t),
        ...(t.enabled === 'origin' ? [] : [enableTriggerSql(schema, table, t.name, t.enabled)]),
        ...(t.comment === null ? [] : [commentOnTriggerSql(schema, table, t.name, t.comment)]),
    ];
}
//# sourceMappingURL=sql.js.map