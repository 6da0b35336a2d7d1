/** SQL for event triggers: the one emitter for spec→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { refParts } from '../../model/dependencies.js';
import { commentSql, doBlock, doIf } from '../sql.js';
/** The events PostgreSQL fires event triggers on (`login`: 17+). */
export const EVENT_TRIGGER_EVENTS = ['ddl_command_start', 'ddl_command_end', 'sql_drop', 'table_rewrite', 'login'];
/** `schema.function()` of a function ref key. */
export function functionCallSql(functionKey) {
    const [schema = '', name = ''] = refParts(functionKey);
    return `${qualifiedName(schema, name)}()`;
}
/**
 * `CREATE EVENT TRIGGER name ON event [WHEN TAG IN (...)] EXECUTE FUNCTION f()`;
 * the event must be one PostgreSQL knows (it is a keyword position: never
 * written from unchecked text).
 */
export function createEventTriggerSql(t) {
    if (!EVENT_TRIGGER_EVENTS.includes(t.event))
        throw new Error(`internal error: unknown event ${JSON.stringify(t.event)}`);
    return eventTriggerStatementText(t);
}
/** The CREATE EVENT TRIGGER statement as text for people (the event unchecked: never run). */
export function eventTriggerStatementText(t) {
    const when = t.tags.length ? ` WHEN TAG IN (${t.tags.map(quoteLiteral).join(', ')})` : '';
    return `CREATE EVENT TRIGGER ${quoteIdent(t.name)} ON ${t.event}${when} EXECUTE FUNCTION ${functionCallSql(t.function)}`;
}
function eventTriggerExists(name) {
    return `EXISTS (SELECT FROM pg_catalog.pg_event_trigger WHERE evtname = ${quoteLiteral(name)})`;
}
/** The event trigger, only when none of that name exists (re-runnable). */
export function createEventTriggerIfMissingSql(t) {
    return doIf(`NOT ${eventTriggerExists(t.name)}`, createEventTriggerSql(t));
}
/** The event trigger dropped and created again as `t`, in one statement. */
export function replaceEventTriggerSql(t) {
    return doBlock([`${dropEventTriggerSql(t.name)};`, `${createEventTriggerSql(t)};`]);
}
export function dropEventTriggerSql(name) {
    return `DROP EVENT TRIGGER IF EXISTS ${quoteIdent(name)}`;
}
const ENABLE = { origin: 'ENABLE', disabled: 'DISABLE', replica: 'ENABLE REPLICA', always: 'ENABLE ALWAYS' };
export function enableEventTriggerSql(name, state) {
    return `ALTER EVENT TRIGGER ${quoteIdent(name)} ${ENABLE[state]}`;
}
export function commentOnEventTriggerSql(name, comment) {
    return commentSql('EVENT TRIGGER', quoteIdent(name), comment);
}
/** An event trigger built from nothing: created if missing, its state when not origin, its comment. */
export function buildEventTriggerSql(t) {
    return [
        createEventTriggerIfMissingSql(t),
        ...(t.enabled === 'origin' ? [] : [enableEventTriggerSql(t.name, t.enabled)]),
        ...(t.comment === null ? [] : [commentOnEventTriggerSql(t.name, t.comment)]),
    ];
}
//# sourceMappingURL=sql.js.map