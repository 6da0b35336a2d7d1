/**
 * The plan's part for enum types: new types and labels (created before the
 * tables that may use them), manual steps for what PostgreSQL cannot do
 * (remove or reorder labels), drops of unexpected types.
 */
import { displayName, objectKey, quoteLiteral } from '../../model/identifiers.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from '../../plan/kind-plan.js';
import { commented, stmt } from '../../plan/statements.js';
import { ensureSchema } from '../schema/plan.js';
import { addEnumValueSql, commentOnTypeSql, createEnumIfMissingSql, dropEnumSql } from './sql.js';
/** Missing enums first, then missing labels: a new table or column may use either. */
function planCreates(findings, ctx) {
    for (const f of findings)
        if (f.kind === 'missing_enum')
            planMissingEnum(f, ctx);
    planMissingLabels(findings.filter((f) => f.kind === 'enum_value_missing'), ctx);
}
function planMissingEnum(f, ctx) {
    const e = f.expected;
    ensureSchema(ctx, e.schema, f.id);
    ctx.add({
        object: displayName(e.schema, e.name),
        phase: 'types',
        findingIds: [f.id],
        summary: `create enum ${displayName(e.schema, e.name)} (${e.values.map(quoteLiteral).join(', ')})`,
        up: [stmt(createEnumIfMissingSql(e.schema, e.name, e.values)), ...commented(e.comment, (text) => commentOnTypeSql(e.schema, e.name, text))],
        down: [stmt(dropEnumSql(e.schema, e.name))],
        hazards: [],
    });
}
/**
 * Missing labels, enum by enum (in the order of their first finding): in
 * the expected order, each placed before the next label the type already
 * has (or will have), else after the previous one.
 */
function planMissingLabels(findings, ctx) {
    const byEnum = new Map();
    for (const f of findings) {
        const k = objectKey(f.object.schema, f.object.enum ?? '');
        byEnum.set(k, [...(byEnum.get(k) ?? []), f]);
    }
    for (const group of byEnum.values()) {
        const { schema, enum: name = '' } = group[0].object;
        const e = ctx.expected.enum(schema, name);
        const live = ctx.live.enum(schema, name);
        if (!e || !live)
            continue;
        const has = new Set(live.values);
        const missing = new Map(group.map((f) => [f.object.value ?? '', f]));
        for (let i = 0; i < e.values.length; i++) {
            const value = e.values[i];
            const f = missing.get(value);
            if (!f)
                continue;
            const next = e.values.slice(i + 1).find((v) => has.has(v));
            const prev = [...e.values.slice(0, i)].reverse().find((v) => has.has(v));
            const position = next !== undefined ? { before: next } : prev !== undefined ? { after: prev } : null;
            has.add(value);
            ctx.add({
                object: `${displayName(e.schema, e.name)}.${quoteLiteral(value)}`,
                phase: 'types',
                findingIds: [f.id],
                summary: `add value ${quoteLiteral(value)} to enum ${displayName(e.schema, e.name)}`,
                up: [stmt(addEnumValueSql(e.schema, e.name, value, position), { transactional: false })],
                down: [],
                hazards: [
                    {
                        kind: 'irreversible',
                        message: `PostgreSQL cannot remove a value from an enum: down.sql leaves ${quoteLiteral(value)} in ${displayName(e.schema, e.name)} (removing it means recreating the type and converting every column that uses it)`,
                    },
                ],
            });
        }
    }
}
function planDrops(findings, ctx) {
    for (const f of findings) {
        if (f.kind !== 'unexpected_enum')
            continue;
        const e = f.actual;
        ctx.add({
            object: displayName(e.schema, e.name),
            phase: 'drop_types',
            findingIds: [f.id],
            summary: `drop unexpected enum ${displayName(e.schema, e.name)}`,
            up: [stmt(dropEnumSql(e.schema, e.name))],
            down: [stmt(createEnumIfMissingSql(e.schema, e.name, e.values))],
            hazards: [{ kind: 'may_fail', message: `fails while a column still uses ${displayName(e.schema, e.name)}` }],
        });
    }
}
export const ENUM_PLAN = {
    findings: {
        missing_enum: IN_CREATE_PASS,
        unexpected_enum: IN_DROP_PASS,
        enum_value_missing: IN_CREATE_PASS,
        enum_value_unexpected: (f, ctx) => ctx.manual(f, `PostgreSQL cannot remove a value from an enum: recreate the type without ${quoteLiteral(f.object.value ?? '')} once no row uses it, or add the value to the expected schema`, [], [{ kind: 'irreversible', message: 'recreating an enum type rewrites every table with a column of that type' }]),
        enum_value_order_mismatch: (f, ctx) => ctx.manual(f, 'PostgreSQL cannot reorder the values of an enum: recreate the type with the expected order (this rewrites every column of that type), or accept the order'),
    },
    create: planCreates,
    drop: planDrops,
};
//# sourceMappingURL=plan.js.map