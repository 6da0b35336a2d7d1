import { setOwn } from '../../model/own.js';
import { flag, objectsByName, text } from '../../spec-file/json-schema.js';
import { specName } from '../../spec-file/names.js';
import { unlessEmpty } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
const KEY = 'views';
/** Option names as PostgreSQL spells them (`security_barrier`, `toast.autovacuum_enabled`). */
export const OPTION_NAME_PATTERN = '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?$';
/** A spec option as `reloptions` text: `security_barrier=true`. */
export function optionText(name, value) {
    return `${name}=${String(value)}`;
}
/** The spec's options as `reloptions` texts, sorted as the model sorts them. */
export function specOptions(options) {
    if (!isRecord(options))
        return [];
    return Object.entries(options)
        .filter((e) => ['boolean', 'number', 'string'].includes(typeof e[1]))
        .map(([k, v]) => optionText(k, v))
        .sort();
}
/** A `reloptions` text as a spec option: `true`/`false` as booleans, plain numbers as numbers. */
function optionValue(text) {
    if (text === 'true' || text === 'false')
        return text === 'true';
    return /^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$/.test(text) ? Number(text) : text;
}
/** The view as `snapshot` writes it. */
export function viewToSpec(v) {
    const out = { definition: v.definition };
    if (v.kind === 'materialized_view')
        out.materialized = true;
    if (v.options.length) {
        const options = {};
        for (const o of v.options) {
            const eq = o.indexOf('=');
            setOwn(options, eq < 0 ? o : o.slice(0, eq), optionValue(eq < 0 ? 'true' : o.slice(eq + 1)));
        }
        out.options = options;
    }
    if (v.kind === 'materialized_view' && !v.populated)
        out.with_data = false;
    if (v.indexes.length) {
        const indexes = {};
        for (const i of v.indexes)
            setOwn(indexes, i.name, i.definition);
        out.indexes = indexes;
    }
    if (v.comment !== null)
        out.description = v.comment;
    return out;
}
/** The `views:` section. */
export const VIEW_SPEC = {
    key: KEY,
    shape: 'map',
    jsonSchema: {
        property: objectsByName('Views and materialized views by name (`active_customers` or `reporting.daily_sales`).', 'view'),
        definitions: {
            view: {
                description: 'A view or materialized view.',
                type: 'object',
                additionalProperties: false,
                required: ['definition'],
                properties: {
                    definition: text('The query: one SELECT (or VALUES, or WITH … SELECT), as CREATE VIEW … AS takes it.', [
                        'SELECT id, name FROM customers WHERE active',
                    ]),
                    materialized: flag('A materialized view (default false).'),
                    options: {
                        description: 'WITH (…) options: security_barrier, security_invoker (PostgreSQL 15+), check_option (local or cascaded); a materialized view\'s storage parameters (fillfactor, autovacuum_enabled, …).',
                        type: 'object',
                        propertyNames: { pattern: OPTION_NAME_PATTERN },
                        additionalProperties: { type: ['boolean', 'number', 'string'] },
                        examples: [{ security_barrier: true, check_option: 'local' }],
                    },
                    with_data: flag('A materialized view: filled when created (default true); false creates it WITH NO DATA, unreadable until refreshed.'),
                    indexes: {
                        description: 'A materialized view\'s indexes: name → its CREATE INDEX statement.',
                        type: 'object',
                        additionalProperties: text('CREATE [UNIQUE] INDEX name ON the materialized view (…).'),
                    },
                    description: text('What the view is for (its COMMENT).'),
                },
            },
        },
    },
    sqlFragments: [
        { path: ['definition'], kind: 'query' },
        { path: ['indexes', '*'], kind: 'createIndex' },
    ],
    names: ({ key, q }) => [{ namespace: 'relation', key, what: 'view', path: [KEY, q.schema, q.name] }],
    check(context, objects) {
        for (const { q, value } of objects) {
            const base = [KEY, q.schema, q.name];
            context.checkNameLength(q.name, base, 'view');
            if (!isRecord(value))
                continue;
            const materialized = value.materialized === true;
            if (!materialized && value.with_data !== undefined)
                context.report([...base, 'with_data'], 'with_data applies to a materialized view only (add materialized: true)');
            if (!materialized && value.indexes !== undefined)
                context.report([...base, 'indexes'], 'only a materialized view has indexes (add materialized: true)');
            if (isRecord(value.indexes)) {
                for (const name of Object.keys(value.indexes))
                    context.checkNameLength(name, [...base, 'indexes', name], 'index');
            }
            if (materialized && isRecord(value.options)) {
                for (const option of ['check_option', 'security_barrier', 'security_invoker']) {
                    if (option in value.options)
                        context.report([...base, 'options', option], `${option} applies to a view, not a materialized view`);
                }
            }
        }
    },
    fromModel({ model, inScope }) {
        const views = {};
        for (const v of model.views)
            if (inScope(v.schema))
                setOwn(views, specName(v.schema, v.name), viewToSpec(v));
        return unlessEmpty(views);
    },
    layout: (views) => ({ flow: Object.keys(views).flatMap((name) => (views[name]?.options ? [[name, 'options']] : [])), spaced: true }),
};
//# sourceMappingURL=spec.js.map