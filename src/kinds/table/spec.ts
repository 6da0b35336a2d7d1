/**
 * The spec's `tables:` section: tables by name, each with its columns (in
 * order), constraints and indexes, which the member kinds' pieces handle
 * (column/spec.ts, constraint/spec.ts, index/spec.ts, trigger/spec.ts), as the table's
 * comparison delegates to its members'. Checks: spec-check.ts; from the
 * model: spec-from-model.ts.
 *
 *   tables:
 *     leads:
 *       columns:
 *         id: { type: uuid, nullable: false }
 *       primaryKey: [id]
 *       indexes:
 *         idx_leads_score: { columns: [score] }
 *       triggers:
 *         leads_touch: CREATE TRIGGER leads_touch BEFORE UPDATE ON public.leads FOR EACH ROW EXECUTE FUNCTION touch()
 *       rowSecurity: true
 *       policies:
 *         tenant_isolation: tenant_id = current_setting('app.tenant_id')::uuid
 */
import { flag, objectsByName, text } from '../../spec-file/json-schema.js';
import { fragmentsBelow, unlessEmpty, type MapSection } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import { COLUMN_DEFINITIONS, COLUMN_SQL_FRAGMENTS, COLUMNS_PROPERTY } from '../column/spec.js';
import { CONSTRAINT_DEFINITIONS, CONSTRAINT_PROPERTIES, CONSTRAINT_SQL_FRAGMENTS } from '../constraint/spec.js';
import { INDEX_DEFINITIONS, INDEX_SQL_FRAGMENTS, INDEXES_PROPERTY, indexNames } from '../index/spec.js';
import { TRIGGER_DEFINITIONS, TRIGGER_SQL_FRAGMENTS, TRIGGERS_PROPERTY } from '../trigger/spec.js';
import { POLICY_DEFINITIONS, POLICY_PROPERTIES, POLICY_SQL_FRAGMENTS } from '../policy/spec.js';
import { checkTables } from './spec-check.js';
import { tablesFromModel } from './spec-from-model.js';
import type { SpecTable } from './spec-node.js';
import { PRIVILEGE_PROPERTIES } from '../privilege/spec-json.js';

export type { SpecTable } from './spec-node.js';

const KEY = 'tables';

/** The `tables:` section. */
export const TABLE_SPEC: MapSection<SpecTable> = {
  key: KEY,
  shape: 'map',
  jsonSchema: {
    property: objectsByName('Tables by name (`leads` or `billing.invoices`).', 'table'),
    definitions: {
      ...COLUMN_DEFINITIONS,
      ...CONSTRAINT_DEFINITIONS,
      ...INDEX_DEFINITIONS,
      ...TRIGGER_DEFINITIONS,
      ...POLICY_DEFINITIONS,
      table: {
        description: 'A table. `columns` is required, except for a partition (`partitionOf`), whose columns come from its parent.',
        type: 'object',
        additionalProperties: false,
        properties: {
          description: text('What the table holds (its COMMENT).'),
          ...PRIVILEGE_PROPERTIES,
          columns: COLUMNS_PROPERTY,
          ...CONSTRAINT_PROPERTIES,
          indexes: INDEXES_PROPERTY,
          triggers: TRIGGERS_PROPERTY,
          ...POLICY_PROPERTIES,
          partitionBy: text('Makes this a partitioned table: `RANGE (created_at)`, `LIST (region)`, `HASH (id)`.', ['RANGE (created_at)']),
          partitionOf: {
            description: 'Makes this a partition of a partitioned table.',
            type: 'object',
            additionalProperties: false,
            required: ['table', 'bound'],
            properties: {
              table: text("The parent (partitioned) table: `events` (in this table's schema) or `schema.events`."),
              bound: text('The partition bound: `FOR VALUES FROM (...) TO (...)`, `FOR VALUES IN (...)`, `DEFAULT`.', [
                "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                'DEFAULT',
              ]),
            },
          },
          unlogged: flag('UNLOGGED table.'),
          inherits: {
            description:
              'Table inheritance (`INHERITS (...)`, not partitioning): the parent tables, in order, each `table` (in this table\'s schema) or `schema.table`. The columns the table inherits are listed in `columns` too.',
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: text('A parent table of the spec.', ['entity_bindings']),
          },
        },
        if: { not: { required: ['partitionOf'] } },
        then: {
          required: ['columns'],
          properties: {
            columns: { description: 'A table that is not a partition lists its columns: `{}` for one without any (`CREATE TABLE t ()`).', type: 'object' },
          },
        },
      },
    },
  },
  sqlText: [['columns', '*', 'default']],
  sqlFragments: [
    { path: ['partitionBy'], kind: 'partitionBy' },
    { path: ['partitionOf', 'bound'], kind: 'bound' },
    ...fragmentsBelow(['columns', '*'], COLUMN_SQL_FRAGMENTS),
    ...fragmentsBelow(['indexes', '*'], INDEX_SQL_FRAGMENTS),
    ...fragmentsBelow(['triggers', '*'], TRIGGER_SQL_FRAGMENTS),
    ...fragmentsBelow(['policies', '*'], POLICY_SQL_FRAGMENTS),
    ...CONSTRAINT_SQL_FRAGMENTS,
  ],
  // A partition may leave `columns` out (they come from its parent); a loaded SpecTable always has them.
  asLoaded: (table) => (isRecord(table) && table.columns === undefined ? { ...table, columns: {} } : table),
  names({ key, q, value }) {
    if (!isRecord(value)) return [];
    const path = [KEY, q.schema, q.name];
    return [
      { namespace: 'type', key, what: 'table', path },
      { namespace: 'relation', key, what: 'table', path },
      ...indexNames({ q, table: value }),
    ];
  },
  check: checkTables,
  fromModel: (context) => unlessEmpty(tablesFromModel(context)),
  layout(tables) {
    const flow: (string | number)[][] = [];
    for (const [name, table] of Object.entries(tables)) {
      flow.push([name, 'partitionOf']);
      flow.push([name, 'inherits']);
      for (const column of Object.keys(table.columns)) flow.push([name, 'columns', column]);
      flow.push([name, 'primaryKey']);
      for (const list of ['unique', 'checks', 'foreignKeys'] as const) (table[list] ?? []).forEach((_, i) => flow.push([name, list, i]));
      for (const index of Object.keys(table.indexes ?? {})) flow.push([name, 'indexes', index]);
    }
    return { flow, spaced: true };
  },
};
