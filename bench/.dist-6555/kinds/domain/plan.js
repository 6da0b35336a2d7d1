/**
 * The plan's part for domains: missing ones created (also for the new
 * columns whose type they are, once), default and NOT NULL altered, checks
 * added NOT VALID then validated, changed or unexpected checks dropped;
 * what PostgreSQL cannot alter (base type, collation) is a manual step;
 * unexpected domains dropped after the columns that used them.
 */
import { displayName, objectKey, qualifiedName, quoteIdent } from '../../model/identifiers.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from '../../plan/kind-plan.js';
import { commented, stmt } from '../../plan/statements.js';
import { ensureSchema } from '../schema/plan.js';
import { objectNameSql } from '../sql.js';
import { checkDefinition } from './compare.js';
import { domainAspects } from './findings.js';
import { addDomainCheckIfMissingSql, alterDomainSql, commentOnDomainSql, createDomainIfMissingSql, dropDomainCheckSql, dropDomainSql, validateDomainCheckSql, } from './sql.js';
/** A model domain as CREATE DOMAIN writes it (checks without NOT VALID, which CREATE DOMAIN cannot say). */
function definitionOf(ctx, d) {
    return {
        schema: d.schema,
        name: d.name,
        baseType: d.baseType,
        collation: d.collation === null ? null : objectNameSql(d.collation, ctx.knownSchemas),
        default: d.default,
        notNull: d.notNull,
        checks: d.checks.map((c) => ({ name: c.name, body: checkDefinition(c.definition) })),
    };
}
/** The CREATE DOMAIN step of an expected domain, once per plan, after its schema and the domain it is based on. */
function createDomainOnce(ctx, d, findingId) {
    if (ctx.live.hasType(d.schema, d.name) || !ctx.firstTime(`domain ${objectKey(d.schema, d.name)}`))
        return;
    ensureSchema(ctx, d.schema, findingId);
    ensureDomain(ctx, d.baseType, findingId);
    ctx.add({
        object: displayName(d.schema, d.name),
        phase: 'types',
        findingIds: [findingId],
        summary: `create domain ${displayName(d.schema, d.name)} (${d.baseType})`,
        up: [stmt(createDomainIfMissingSql(definitionOf(ctx, d))), ...commented(d.comment, (text) => commentOnDomainSql(d.schema, d.name, text))],
        down: [stmt(dropDomainSql(d.schema, d.name))],
        hazards: [],
    });
}
/**
 * The expected domain a type names (`year`, `billing.money_amount[]`),
 * created once when the database lacks it, after its schema and the domain
 * it is based on, if any.
 */
export function ensureDomain(ctx, typeText, findingId) {
    const d = ctx.expected.domainNamed(typeText);
    if (d)
        createDomainOnce(ctx, d, findingId);
}
/** How `format_type` names domain `d` in column types: bare in public, else qualified. */
function typeName(d) {
    return d.schema === 'public' ? quoteIdent(d.name) : qualifiedName(d.schema, d.name);
}
/** The columns of `model` (as `table.column`) and domains based on it whose type is domain `d` or an array of it. */
export function usersOf(model, d) {
    const name = typeName(d);
    const isIt = (type) => type.replace(/(\[\])+$/, '') === name;
    return {
        columns: model.tables.flatMap((t) => t.columns.filter((c) => isIt(c.type)).map((c) => ({ schema: t.schema, table: t.name, column: c.name }))),
        domains: model.domains.filter((x) => isIt(x.baseType)),
    };
}
/** `public.a (about 5 rows), app.b (…)`: the live tables with a column of domain `d`, or null when none. */
function tablesOfDomain(ctx, d) {
    const tables = [...new Set(usersOf(ctx.live.model, d).columns.map((c) => objectKey(c.schema, c.table)))];
    if (tables.length === 0)
        return null;
    return tables.map((k) => k.split('\u0000')).map(([schema, table]) => ctx.sizeOf(schema, table)).join(', ');
}
/** The hazards of a statement that checks every value of domain `d` (SET NOT NULL, VALIDATE CONSTRAINT). */
function scanHazards(ctx, d, what, failsOn) {
    const tables = tablesOfDomain(ctx, d);
    if (tables === null)
        return [];
    return [
        { kind: 'long_lock', message: `${what} scans every column of domain ${displayName(d.schema, d.name)}: ${tables}, blocking writes to them while it runs` },
        { kind: 'may_fail', message: `fails if a row of ${tables} holds ${failsOn}` },
    ];
}
/** How many domains of `model` are below `d` (its base, that one's base…); stops at 64. */
function depthIn(model, d) {
    let n = 0;
    for (let x = d; x && n < 64; n++) {
        const base = x.baseType.replace(/(\[\])+$/, '');
        x = model.domains.find((y) => typeName(y) === base);
    }
    return n;
}
/** Missing domains, before the tables whose columns use them; a domain's base first, so that each is created by its own finding. */
function planMissingDomains(findings, ctx) {
    const missing = findings.filter((f) => f.kind === 'missing_domain');
    const depth = new Map(missing.map((f) => [f.id, depthIn(ctx.expected.model, f.expected)]));
    for (const f of [...missing].sort((x, y) => depth.get(x.id) - depth.get(y.id))) {
        createDomainOnce(ctx, ctx.expected.domainNamed(typeName(f.expected)) ?? f.expected, f.id);
    }
}
/** Default and NOT NULL altered in place; a base type or collation PostgreSQL cannot alter is a manual step. */
function planDomainMismatch(f, ctx) {
    const { schema, domain: name = '' } = f.object;
    const display = displayName(schema, name);
    const aspects = new Set(domainAspects(f.expected, f.actual));
    const alter = (action) => stmt(alterDomainSql(schema, name, action));
    const setDefault = (d) => alter(d === null ? 'DROP DEFAULT' : `SET DEFAULT ${d}`);
    const setNotNull = (notNull) => alter(notNull ? 'SET NOT NULL' : 'DROP NOT NULL');
    const up = [];
    const down = [];
    if (aspects.has('default')) {
        up.push(setDefault(f.expected.default));
        down.push(setDefault(f.actual.default));
    }
    if (aspects.has('notNull')) {
        up.push(setNotNull(f.expected.notNull));
        down.unshift(setNotNull(f.actual.notNull));
    }
    if (aspects.has('type') || aspects.has('collation')) {
        const what = aspects.has('type') ? `the base type of a domain (${f.actual.baseType}, expected ${f.expected.baseType})` : 'the collation of a domain';
        ctx.manual(f, `PostgreSQL cannot change ${what}: create a domain as expected, move every column of ${display} over to it (a type change that may rewrite their tables), then drop ${display}`, up.map((s) => s.sql));
        return;
    }
    ctx.add({
        object: display,
        phase: 'types',
        findingIds: [f.id],
        summary: `alter domain ${display} (${[...aspects].join(', ')})`,
        up,
        down,
        hazards: f.expected.notNull && !f.actual.notNull ? scanHazards(ctx, { schema, name }, 'SET NOT NULL', 'NULL in such a column') : [],
    });
}
/**
 * Add a check NOT VALID (no scan), then VALIDATE it (the scan, which for a
 * domain blocks writes to the tables that use it: a failure leaves the
 * check in place, enforced for new values, and says which value fails);
 * only add when it was NOT VALID.
 */
function addCheck(schema, name, check, definition) {
    const body = checkDefinition(definition);
    const add = stmt(addDomainCheckIfMissingSql(schema, name, check, body));
    return body === definition ? [add, stmt(validateDomainCheckSql(schema, name, check))] : [add];
}
/** The database's definition of a check of a domain, NOT VALID included. */
function liveCheck(ctx, schema, name, check) {
    return ctx.live.model.domains.find((d) => d.schema === schema && d.name === name)?.checks.find((c) => c.name === check)?.definition;
}
function planCheck(f, ctx) {
    const { schema, domain: name = '', constraint: check = '' } = f.object;
    const display = displayName(schema, name);
    const drop = stmt(dropDomainCheckSql(schema, name, check));
    const was = f.kind === 'domain_check_mismatch' ? (liveCheck(ctx, schema, name, check) ?? f.actual.definition) : null;
    ctx.add({
        object: displayName(schema, name, check),
        phase: 'types',
        findingIds: [f.id],
        summary: `${f.kind === 'domain_check_missing' ? 'add' : 'replace'} check ${quoteIdent(check)} of domain ${display}`,
        up: [...(was !== null ? [drop] : []), ...addCheck(schema, name, check, f.expected.definition)],
        down: [drop, ...(was !== null ? addCheck(schema, name, check, was) : [])],
        hazards: scanHazards(ctx, { schema, name }, 'VALIDATE CONSTRAINT', `a value the check ${quoteIdent(check)} rejects`),
    });
}
/** Domains the findings drop, each after the domains based on it. */
function dropOrder(domains, live) {
    return [...domains].sort((a, b) => depthIn(live, b) - depthIn(live, a));
}
/** Unexpected checks (before anything else changes) and unexpected domains (after the columns that used them), unless something kept still uses them. */
function planDrops(findings, ctx) {
    for (const f of findings) {
        if (f.kind !== 'domain_check_unexpected')
            continue;
        const { schema, domain: name = '', constraint: check = '' } = f.object;
        ctx.add({
            object: displayName(schema, name, check),
            phase: 'drop_constraints',
            findingIds: [f.id],
            summary: `drop unexpected check ${quoteIdent(check)} of domain ${displayName(schema, name)}`,
            up: [stmt(dropDomainCheckSql(schema, name, check))],
            down: addCheck(schema, name, check, liveCheck(ctx, schema, name, check) ?? f.actual.definition),
            hazards: scanHazards(ctx, { schema, name }, 'rolling back validates the check again: VALIDATE CONSTRAINT', 'a value the check rejects'),
        });
    }
    const unexpected = findings.filter((f) => f.kind === 'unexpected_domain');
    const byKey = new Map(unexpected.map((f) => [objectKey(f.actual.schema, f.actual.name), f]));
    for (const d of dropOrder(unexpected.map((f) => f.actual), ctx.live.model)) {
        const f = byKey.get(objectKey(d.schema, d.name));
        const display = displayName(d.schema, d.name);
        const users = keptUsers(ctx, d, byKey);
        if (users.length > 0) {
            ctx.manual(f, `domain ${display} is not in the expected schema, but ${users.join(', ')} still use${users.length === 1 ? 's' : ''} it: it is kept; change their type first, or define it in the expected schema`);
            continue;
        }
        ctx.add({
            object: display,
            phase: 'drop_types',
            findingIds: [f.id],
            summary: `drop unexpected domain ${display}`,
            up: [stmt(dropDomainSql(d.schema, d.name))],
            down: [stmt(createDomainIfMissingSql(definitionOf(ctx, d))), ...commented(d.comment, (text) => commentOnDomainSql(d.schema, d.name, text))],
            hazards: [{ kind: 'may_fail', message: `fails while a column, a function or another object still uses ${display} (PostgreSQL names it)` }],
        });
    }
}
/**
 * What still uses domain `d` after the plan: expected columns and domains
 * of that type, and the database's columns that stay (their table and
 * column expected) with that type; domains based on it that are dropped too
 * do not count.
 */
function keptUsers(ctx, d, dropping) {
    const expected = usersOf(ctx.expected.model, d);
    const live = usersOf(ctx.live.model, d);
    const stays = (c) => ctx.expected.table(c.schema, c.table)?.columns.some((x) => x.name === c.column) ?? false;
    const columns = [...expected.columns, ...live.columns.filter(stays)].map((c) => `column ${displayName(c.schema, c.table, c.column)}`);
    const domains = [...expected.domains, ...live.domains.filter((x) => !dropping.has(objectKey(x.schema, x.name)))].map((x) => `domain ${displayName(x.schema, x.name)}`);
    return [...new Set([...columns, ...domains])];
}
export const DOMAIN_PLAN = {
    findings: {
        missing_domain: IN_CREATE_PASS,
        unexpected_domain: IN_DROP_PASS,
        domain_mismatch: planDomainMismatch,
        domain_check_missing: planCheck,
        domain_check_unexpected: IN_DROP_PASS,
        domain_check_mismatch: planCheck,
    },
    create: planMissingDomains,
    drop: planDrops,
};
//# sourceMappingURL=plan.js.map