/**
 * The spec's `views:` section: views and materialized views by name, each
 * with its query, as SQL (the server deparses both sides, so any spelling
 * of the same query compares equal).
 *
 *   views:
 *     active_customers:
 *       definition: SELECT id, name FROM customers WHERE active
 *       options: { security_barrier: true }
 *     reporting.daily_sales:
 *       materialized: true
 *       definition: |
 *         SELECT date_trunc('day', placed_at) AS day, sum(total) AS total
 *         FROM orders GROUP BY 1
 *       indexes:
 *         daily_sales_day: CREATE UNIQUE INDEX daily_sales_day ON reporting.daily_sales (day)
 *     order_entry:
 *       definition: SELECT id, customer_id FROM orders
 *       triggers:
 *         order_entry_insert: CREATE TRIGGER order_entry_insert INSTEAD OF INSERT ON public.order_entry FOR EACH ROW EXECUTE FUNCTION enter_order()
 *
 * A view's `triggers:` are written as a table's (trigger/spec.ts); a view's
 * trigger is always enabled.
 */
import { dependentsOf, refKey } from '../../model/dependencies.js';
import { objectKey } from '../../model/identifiers.js';
import { setOwn } from '../../model/own.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { flag, objectsByName, text } from '../../spec-file/json-schema.js';
import { specName } from '../../spec-file/names.js';
import { fragmentsBelow, unlessEmpty, type MapSection, type Mutable } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import type { View } from './model.js';
import { checkTriggers, TRIGGER_SQL_FRAGMENTS, TRIGGERS_PROPERTY, triggersSpec, type SpecTrigger } from '../trigger/spec.js';
import { PRIVILEGE_PROPERTIES, VIEW_COLUMN_GRANTS_PROPERTY, type SpecGrants, type SpecPrivileges } from '../privilege/spec-json.js';

/** An option value as a spec writes it. */
export type SpecViewOption = boolean | number | string;

/** A view as a spec writes it. */
export interface SpecView extends SpecPrivileges {
  /** Column privileges by column (src/kinds/privilege/spec.ts). */
  readonly column_grants?: Readonly<Record<string, SpecGrants>>;
  /** The query: one SELECT (or VALUES, or WITH … SELECT). */
  readonly definition: string;
  /** A materialized view (default false). */
  readonly materialized?: boolean;
  /** `security_barrier`, `security_invoker`, `check_option` (local, cascaded); a materialized view's storage parameters. */
  readonly options?: Readonly<Record<string, SpecViewOption>>;
  /** A materialized view: filled when created (default true); false: WITH NO DATA. */
  readonly with_data?: boolean;
  /** A materialized view's indexes: name → CREATE INDEX statement. */
  readonly indexes?: Readonly<Record<string, string>>;
  /** A view's triggers (INSTEAD OF, statement triggers): name → CREATE TRIGGER statement, or an object with it. */
  readonly triggers?: Readonly<Record<string, SpecTrigger>>;
  /** What the view is for (its COMMENT). */
  readonly description?: string;
}

const KEY = 'views';

/** Option names as PostgreSQL spells them (`security_barrier`, `toast.autovacuum_enabled`). */
export const OPTION_NAME_PATTERN = '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?$';

/** A spec option as `reloptions` text: `security_barrier=true`. */
export function optionText(name: string, value: SpecViewOption): string {
  return `${name}=${String(value)}`;
}

/** The spec's options as `reloptions` texts, sorted as the model sorts them. */
export function specOptions(options: SpecView['options']): string[] {
  if (!isRecord(options)) return [];
  return Object.entries(options)
    .filter((e): e is [string, SpecViewOption] => ['boolean', 'number', 'string'].includes(typeof e[1]))
    .map(([k, v]) => optionText(k, v))
    .sort();
}

/** A `reloptions` text as a spec option: `true`/`false` as booleans, plain numbers as numbers. */
function optionValue(text: string): SpecViewOption {
  if (text === 'true' || text === 'false') return text === 'true';
  return /^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$/.test(text) ? Number(text) : text;
}

/** The view as `snapshot` writes it (its triggers whose function the spec can hold: see triggerFunctionWritten). */
export function viewToSpec(v: View, specKinds: ReadonlySet<string> = new Set()): SpecView {
  const out: Mutable<SpecView> = { definition: v.definition };
  if (v.kind === 'materialized_view') out.materialized = true;
  if (v.options.length) {
    const options: Record<string, SpecViewOption> = {};
    for (const o of v.options) {
      const eq = o.indexOf('=');
      setOwn(options, eq < 0 ? o : o.slice(0, eq), optionValue(eq < 0 ? 'true' : o.slice(eq + 1)));
    }
    out.options = options;
  }
  if (v.kind === 'materialized_view' && !v.populated) out.with_data = false;
  if (v.indexes.length) {
    const indexes: Record<string, string> = {};
    for (const i of v.indexes) setOwn(indexes, i.name, i.definition);
    out.indexes = indexes;
  }
  const triggers = triggersSpec(v, specKinds);
  if (triggers) out.triggers = triggers;
  if (v.comment !== null) out.description = v.comment;
  return out;
}

/** The `views:` section. */
export const VIEW_SPEC: MapSection<SpecView> = {
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
            description:
              'WITH (…) options: security_barrier, security_invoker (PostgreSQL 15+), check_option (local or cascaded); a materialized view\'s storage parameters (fillfactor, autovacuum_enabled, …).',
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
          triggers: { ...TRIGGERS_PROPERTY, description: 'A view\'s triggers by name (INSTEAD OF row triggers, statement triggers), as a table\'s; always enabled.' },
          description: text('What the view is for (its COMMENT).'),
          ...PRIVILEGE_PROPERTIES,
          ...VIEW_COLUMN_GRANTS_PROPERTY,
        },
      },
    },
  },
  sqlFragments: [
    { path: ['definition'], kind: 'query' },
    { path: ['indexes', '*'], kind: 'createIndex' },
    ...fragmentsBelow(['triggers', '*'], TRIGGER_SQL_FRAGMENTS),
  ],
  names: ({ key, q }) => [{ namespace: 'relation', key, what: 'view', path: [KEY, q.schema, q.name] }],
  check(context, objects) {
    for (const { q, value } of objects) {
      const base = [KEY, q.schema, q.name];
      context.checkNameLength(q.name, base, 'view');
      if (!isRecord(value)) continue;
      const materialized = value.materialized === true;
      if (!materialized && value.with_data !== undefined) context.report([...base, 'with_data'], 'with_data applies to a materialized view only (add materialized: true)');
      if (!materialized && value.indexes !== undefined) context.report([...base, 'indexes'], 'only a materialized view has indexes (add materialized: true)');
      if (materialized && value.triggers !== undefined) context.report([...base, 'triggers'], 'a materialized view has no triggers (PostgreSQL refuses them)');
      else checkTriggers(context, { q, table: value }, KEY);
      if (isRecord(value.indexes)) {
        for (const name of Object.keys(value.indexes)) context.checkNameLength(name, [...base, 'indexes', name], 'index');
      }
      if (materialized && isRecord(value.options)) {
        for (const option of ['check_option', 'security_barrier', 'security_invoker']) {
          if (option in value.options) context.report([...base, 'options', option], `${option} applies to a view, not a materialized view`);
        }
      }
    }
  },
  fromModel({ model, inScope, specKinds }) {
    const views: Record<string, SpecView> = {};
    for (const v of model.views) if (inScope(v.schema)) setOwn(views, specName(v.schema, v.name), viewToSpec(v, specKinds));
    return unlessEmpty(views);
  },
  layout: (views) => ({ flow: Object.keys(views).flatMap((name) => (views[name]?.options ? [[name, 'options']] : [])), spaced: true }),
};
