/**
 * The JSON Schema of a model snapshot (`schema-audit snapshot --format
 * model`), checked before a snapshot is used as an expected source: every
 * object closed (no unknown key), every field of its type, every enumerated
 * value one of its values, numbers of sequences digits only. The strings that
 * are SQL text (types, expressions, definitions, partition keys and bounds)
 * are then each parsed as the one thing they stand for (snapshot-check.ts).
 */
import { ACL_OBJECT_KINDS, DEFAULT_ACL_OBJECTS } from '../kinds/privilege/model.js';

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const name: Schema = { type: 'string', minLength: 1 };
const nullableStr: Schema = { type: ['string', 'null'] };
const bool: Schema = { type: 'boolean' };
const digits: Schema = { type: 'string', pattern: '^-?[0-9]{1,20}$' };
const names: Schema = { type: 'array', items: name };
const oneOf = (...values: string[]): Schema => ({ enum: values });

/** A closed object: exactly these properties, all required but `optional`. */
function object(properties: Record<string, Schema>, optional: readonly string[] = []): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    properties,
  };
}

const list = (items: Schema): Schema => ({ type: 'array', items });

const column = object({
  name,
  position: { type: 'integer', minimum: 1 },
  type: name,
  nullable: bool,
  default: nullableStr,
  identity: { enum: ['always', 'by_default', null] },
  generated: { oneOf: [{ type: 'null' }, object({ expression: name, kind: oneOf('stored', 'virtual') })] },
  collation: nullableStr,
  comment: nullableStr,
  inherited: oneOf('only', 'also_local'),
}, ['inherited']);

const constraintBase = { name, deferrable: bool, initiallyDeferred: bool, validated: bool, definition: name, comment: nullableStr };
const action = oneOf('NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT');
const constraint: Schema = {
  oneOf: [
    object({ ...constraintBase, kind: { const: 'primary_key' }, columns: names }),
    object({ ...constraintBase, kind: { const: 'unique' }, columns: names, nullsNotDistinct: bool }),
    object({
      ...constraintBase,
      kind: { const: 'foreign_key' },
      columns: names,
      references: object({ schema: name, table: name, columns: names }),
      onDelete: action,
      onUpdate: action,
      match: oneOf('SIMPLE', 'FULL', 'PARTIAL'),
    }),
    object({ ...constraintBase, kind: { const: 'check' }, expression: name, columns: names, noInherit: bool }),
    object({ ...constraintBase, kind: { const: 'exclusion' }, columns: names }),
  ],
};

const indexKey = {
  ...object({
    column: { type: ['string', 'null'], minLength: 1 },
    expression: { type: ['string', 'null'], minLength: 1 },
    order: oneOf('asc', 'desc'),
    nulls: oneOf('first', 'last'),
    opclass: nullableStr,
    collation: nullableStr,
  }),
};

const index = object({
  name,
  method: name,
  unique: bool,
  primary: bool,
  keys: list(indexKey),
  include: names,
  where: nullableStr,
  nullsNotDistinct: bool,
  valid: bool,
  constraint: nullableStr,
  definition: name,
  comment: nullableStr,
});

const trigger = object({
  name,
  enabled: oneOf('origin', 'replica', 'always', 'disabled'),
  definition: name,
  constraint: bool,
  function: name,
  dependsOn: list(name),
  comment: nullableStr,
});

const policy = object({
  name,
  command: oneOf('all', 'select', 'insert', 'update', 'delete'),
  permissive: bool,
  roles: list(name),
  using: nullableStr,
  check: nullableStr,
  comment: nullableStr,
});

const table = object(
  {
    schema: name,
    name,
    kind: oneOf('table', 'partitioned_table'),
    comment: nullableStr,
    rowEstimate: { type: ['number', 'null'] },
    partitionKey: nullableStr,
    partitionOf: { oneOf: [{ type: 'null' }, object({ schema: name, table: name, bound: name })] },
    unlogged: bool,
    inherits: list(object({ schema: name, table: name })),
    columns: list(column),
    indexes: list(index),
    constraints: list(constraint),
    triggers: list(trigger),
    rowSecurity: bool,
    forceRowSecurity: bool,
    policies: list(policy),
  },
  // Row-level security: only when on (absent from older snapshots too).
  ['rowEstimate', 'inherits', 'rowSecurity', 'forceRowSecurity', 'policies'],
);

const model = object({
  schemas: list(object({ name, comment: nullableStr })),
  // `comment` of extensions and sequences: read since issue 11, absent from older snapshots.
  extensions: list(object({ name, schema: name, version: str, relocatable: bool, comment: nullableStr }, ['relocatable', 'comment'])),
  enums: list(object({ schema: name, name, values: list(str), comment: nullableStr })),
  domains: list(
    object({
      schema: name,
      name,
      baseType: name,
      notNull: bool,
      default: nullableStr,
      checks: list(object({ name, definition: name })),
      collation: nullableStr,
      comment: nullableStr,
    }),
  ),
  // Optional: snapshots written before collations were read have none (read as an empty list).
  collations: list(
    object({
      schema: name,
      name,
      provider: oneOf('libc', 'icu', 'builtin'),
      locale: nullableStr,
      lcCollate: nullableStr,
      lcCtype: nullableStr,
      rules: nullableStr,
      deterministic: bool,
      comment: nullableStr,
    }),
  ),
  // Optional: snapshots written before composite and range types were read have none (read as an empty list).
  types: list(
    object({
      schema: name,
      name,
      kind: oneOf('composite', 'range'),
      attributes: list(object({ name, type: name, collation: nullableStr })),
      range: {
        oneOf: [
          { type: 'null' },
          object({ subtype: name, collation: nullableStr, canonical: nullableStr, subtypeDiff: nullableStr }),
        ],
      },
      comment: nullableStr,
    }),
  ),
  sequences: list(
    object({
      schema: name,
      name,
      dataType: oneOf('smallint', 'integer', 'bigint'),
      start: digits,
      increment: digits,
      min: digits,
      max: digits,
      cache: digits,
      cycle: bool,
      ownedBy: { oneOf: [{ type: 'null' }, object({ schema: name, table: name, column: name })] },
      identity: bool,
      comment: nullableStr,
    }, ['comment']),
  ),
  tables: list(table),
  views: list(
    object(
      {
        schema: name,
        name,
        kind: oneOf('view', 'materialized_view'),
        definition: str,
        columns: list(object({ name, type: name })),
        options: list(str),
        populated: bool,
        indexes: list(object({ name, definition: name })),
        rowEstimate: { type: ['number', 'null'] },
        comment: nullableStr,
        // Optional: snapshots written before views' triggers were read have none.
        triggers: list(trigger),
        dependsOn: list(str),
      },
      ['rowEstimate', 'triggers'],
    ),
  ),
  functions: list(
    object({
      schema: name,
      name,
      kind: oneOf('function', 'procedure', 'aggregate', 'window'),
      signature: str,
      arguments: str,
      argumentList: str,
      returns: nullableStr,
      language: name,
      body: nullableStr,
      sqlBody: nullableStr,
      library: nullableStr,
      volatility: oneOf('immutable', 'stable', 'volatile'),
      strict: bool,
      securityDefiner: bool,
      leakproof: bool,
      parallel: oneOf('safe', 'restricted', 'unsafe'),
      cost: { type: 'number', minimum: 0 },
      rows: { type: 'number', minimum: 0 },
      config: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.]*=' } },
      aggregate: nullableStr,
      comment: nullableStr,
      dependsOn: { type: 'array', items: str },
    }),
  ),
  // Optional: snapshots written before event triggers were read have none (read as an empty list).
  eventTriggers: list(
    object({
      name,
      event: oneOf('ddl_command_start', 'ddl_command_end', 'sql_drop', 'table_rewrite', 'login'),
      tags: list(name),
      function: name,
      enabled: oneOf('origin', 'replica', 'always', 'disabled'),
      comment: nullableStr,
    }),
  ),
  // Optional: snapshots written before privileges were read have none (read as an empty list).
  privileges: list(
    object(
      {
        kind: { enum: [...ACL_OBJECT_KINDS] },
        schema: str,
        name: str,
        column: name,
        arguments: str,
        objects: { enum: [...DEFAULT_ACL_OBJECTS] },
        owner: nullableStr,
        grants: list(object({ grantee: name, privilege: { type: 'string', pattern: '^[A-Z]+$' }, grantable: bool })),
      },
      ['column', 'arguments', 'objects'],
    ),
  ),
}, ['eventTriggers', 'types', 'collations', 'privileges']);

export const SNAPSHOT_JSON_SCHEMA: Schema = {
  title: 'schema-audit model snapshot',
  ...object({
    formatVersion: { const: 1 },
    source: object(
      {
        database: str,
        serverVersion: str,
        schemas: { oneOf: [{ type: 'null' }, names] },
        // `schema-audit compile`: what the model was normalised from, on a scratch server.
        compiledFrom: object({ kind: oneOf('spec', 'sql', 'migrations'), sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, toolVersion: str }),
      },
      ['compiledFrom'],
    ),
    schema: model,
  }),
};
