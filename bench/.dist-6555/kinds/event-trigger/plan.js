/**
 * The plan's part for event triggers (phase `triggers`; unexpected ones in
 * `drop_triggers` with --drop-unexpected): created when missing, replaced
 * (dropped and created in one statement) when their event, tags or function
 * differ, ALTER EVENT TRIGGER for their state. Creating, altering and
 * dropping one needs a superuser.
 */
import { quoteIdent } from '../../model/identifiers.js';
import { IN_DROP_PASS } from '../../plan/kind-plan.js';
import { stmt } from '../../plan/statements.js';
import { enabledText } from '../trigger/compare.js';
import { functionNotReady, triggerFunctionReady } from '../trigger/plan-needs.js';
import { buildEventTriggerSql, dropEventTriggerSql, enableEventTriggerSql, EVENT_TRIGGER_EVENTS, replaceEventTriggerSql } from './sql.js';
const SUPERUSER = { kind: 'may_fail', message: 'only a superuser can create, alter or drop an event trigger' };
function known(f, ctx, ...triggers) {
    if (!triggers.every((t) => EVENT_TRIGGER_EVENTS.includes(t.event))) {
        ctx.manual(f, 'an event trigger fires on an event this version of schema-audit does not know: write this change by hand');
        return false;
    }
    const missing = triggers.find((t) => !triggerFunctionReady(ctx, t.function));
    if (missing === undefined)
        return true;
    ctx.manual(f, functionNotReady(missing.function));
    return false;
}
function planMissing(f, ctx) {
    const t = f.expected;
    if (!known(f, ctx, t))
        return;
    ctx.add({
        object: `event trigger ${t.name}`,
        phase: 'triggers',
        findingIds: [f.id],
        summary: `create event trigger ${quoteIdent(t.name)} on ${t.event}${t.enabled === 'origin' ? '' : `, ${enabledText(t.enabled)}`}`,
        up: buildEventTriggerSql(t).map((sql) => stmt(sql)),
        down: [stmt(dropEventTriggerSql(t.name))],
        hazards: [SUPERUSER],
    });
}
function planMismatch(f, ctx) {
    const e = f.expected;
    const a = f.actual;
    if (!known(f, ctx, e, a))
        return;
    const same = e.event === a.event && e.function === a.function && JSON.stringify(e.tags) === JSON.stringify(a.tags);
    const to = (t) => same ? [enableEventTriggerSql(t.name, t.enabled)] : [replaceEventTriggerSql(t), ...(t.enabled === 'origin' ? [] : [enableEventTriggerSql(t.name, t.enabled)])];
    ctx.add({
        object: `event trigger ${e.name}`,
        phase: 'triggers',
        findingIds: [f.id],
        summary: same
            ? `make event trigger ${quoteIdent(e.name)} ${enabledText(e.enabled)} (is ${enabledText(a.enabled)})`
            : `replace event trigger ${quoteIdent(e.name)} by its expected definition (dropped and created in one statement)`,
        up: to(e).map((sql) => stmt(sql)),
        down: to(a).map((sql) => stmt(sql)),
        hazards: [SUPERUSER],
    });
}
function planDrops(findings, ctx) {
    for (const f of findings) {
        if (f.kind !== 'unexpected_event_trigger' || !known(f, ctx, f.actual))
            continue;
        const t = f.actual;
        ctx.add({
            object: `event trigger ${t.name}`,
            phase: 'drop_triggers',
            findingIds: [f.id],
            summary: `drop unexpected event trigger ${quoteIdent(t.name)}`,
            up: [stmt(dropEventTriggerSql(t.name))],
            down: buildEventTriggerSql(t).map((sql) => stmt(sql)),
            hazards: [SUPERUSER],
        });
    }
}
export const EVENT_TRIGGER_PLAN = {
    findings: {
        missing_event_trigger: planMissing,
        unexpected_event_trigger: IN_DROP_PASS,
        event_trigger_mismatch: planMismatch,
    },
    drop: planDrops,
};
//# sourceMappingURL=plan.js.map