/**
 * The spec's `sequences:` section: free-standing sequences by name, their
 * options and the column that owns them. An identity column's sequence is
 * implied by the column and written only when its name or options are its
 * own.
 *
 *   sequences:
 *     billing.invoice_number_seq: { start: 1000, ownedBy: invoices.number }
 */
import { setOwn } from '../../model/own.js';
import { defaultNames } from '../../model/naming.js';
import { objectKey } from '../../model/identifiers.js';
import { flag, integerText, objectsByName, text } from '../../spec-file/json-schema.js';
import { namePart, NameError, qualifiedKey, refName, specName, splitIdentifiers } from '../../spec-file/names.js';
import { unlessEmpty, type CheckContext, type MapSection, type Mutable, type SpecObject } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import { TABLE_SPEC } from '../table/spec.js';
import { SpecTables } from '../table/spec-tables.js';
import type { Sequence } from './model.js';
import { PRIVILEGE_PROPERTIES, type SpecPrivileges } from '../privilege/spec-json.js';

/** A sequence as a spec writes it. */
export interface SpecSequence extends SpecPrivileges {
  /** smallint, integer or bigint (default bigint). */
  readonly type?: string;
  readonly start?: number | string;
  readonly increment?: number | string;
  readonly min?: number | string;
  readonly max?: number | string;
  readonly cache?: number | string;
  readonly cycle?: boolean;
  /** `table.column` or `schema.table.column` that owns the sequence. */
  readonly ownedBy?: string;
}

const KEY = 'sequences';

const INTEGER_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/** A sequence option as a YAML/JSON number when it is exactly one, else a string. */
function numberValue(value: string): number | string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/** Sequence options that differ from CREATE SEQUENCE's defaults for the sequence's type. */
export function sequenceOptions(s: Sequence): Mutable<SpecSequence> {
  const out: Mutable<SpecSequence> = {};
  if (s.dataType !== 'bigint') out.type = s.dataType;
  const [typeMin, typeMax] = INTEGER_RANGES[s.dataType] ?? INTEGER_RANGES.bigint!;
  const increment = BigInt(s.increment);
  const ascending = increment > 0n;
  const min = BigInt(s.min);
  const max = BigInt(s.max);
  if (increment !== 1n) out.increment = numberValue(s.increment);
  if (min !== (ascending ? 1n : typeMin)) out.min = numberValue(s.min);
  if (max !== (ascending ? typeMax : -1n)) out.max = numberValue(s.max);
  if (BigInt(s.start) !== (ascending ? min : max)) out.start = numberValue(s.start);
  if (s.cache !== '1') out.cache = numberValue(s.cache);
  if (s.cycle) out.cycle = true;
  return out;
}

/** `ownedBy` names a column of a table of the spec, in the sequence's schema. */
function checkOwnedBy(context: CheckContext, tables: SpecTables, { q }: SpecObject, ownedBy: string): void {
  const path = [KEY, q.schema, q.name, 'ownedBy'];
  let parts: string[];
  try {
    parts = splitIdentifiers(ownedBy);
  } catch (err) {
    context.report(path, `invalid column name: ${(err as NameError).message}`);
    return;
  }
  if (parts.length < 2 || parts.length > 3) {
    context.report(path, 'expected table.column or schema.table.column');
    return;
  }
  const owner = parts.length === 3 ? { schema: parts[0] as string, name: parts[1] as string } : { schema: q.schema, name: parts[0] as string };
  const column = parts[parts.length - 1] as string;
  const ownerKey = qualifiedKey(owner.schema, owner.name);
  if (!tables.has(ownerKey)) context.report(path, `unknown table ${ownerKey}`);
  else if (!tables.columnsOf(ownerKey).has(column)) context.report(path, `${ownerKey} has no column '${column}'`);
  else if (owner.schema !== q.schema) {
    context.report(path, `a sequence must be in the same schema as the table that owns it (${owner.schema}, not ${q.schema})`);
  }
}

/** The `sequences:` section. */
export const SEQUENCE_SPEC: MapSection<SpecSequence> = {
  key: KEY,
  shape: 'map',
  jsonSchema: {
    property: objectsByName('Free-standing sequences by name (identity columns make their own).', 'sequence'),
    definitions: {
      sequence: {
        description: 'A sequence.',
        type: 'object',
        additionalProperties: false,
        properties: {
          type: {
            description: 'smallint, integer or bigint (default bigint).',
            enum: ['smallint', 'integer', 'bigint', 'int2', 'int4', 'int8', 'int'],
          },
          start: integerText('START WITH (a number, or a string of digits for values beyond 2^53).'),
          increment: integerText('INCREMENT BY.'),
          min: integerText('MINVALUE.'),
          max: integerText('MAXVALUE.'),
          cache: integerText('CACHE.'),
          cycle: flag('CYCLE when true.'),
          ownedBy: text('The column that owns the sequence: `table.column` (in the sequence\'s schema) or `schema.table.column`.', [
            'orders.number',
          ]),
          ...PRIVILEGE_PROPERTIES,
        },
      },
    },
  },
  names: ({ key, q }) => [{ namespace: 'relation', key, what: 'sequence', path: [KEY, q.schema, q.name] }],
  check(context, objects) {
    const tables = new SpecTables(context.objectsOf(TABLE_SPEC));
    for (const object of objects) {
      const { q, value } = object;
      context.checkNameLength(q.name, [KEY, q.schema, q.name], 'sequence');
      if (isRecord(value) && typeof value.ownedBy === 'string') checkOwnedBy(context, tables, object, value.ownedBy);
    }
  },
  fromModel({ model, inScope }) {
    const tables = new Map(model.tables.map((t) => [objectKey(t.schema, t.name), t]));
    const sequences: Record<string, SpecSequence> = {};
    for (const s of model.sequences) {
      if (!inScope(s.schema)) continue;
      const owner = s.ownedBy ? tables.get(objectKey(s.ownedBy.schema, s.ownedBy.table)) : undefined;
      const ownerColumn = owner?.columns.find((c) => c.name === s.ownedBy?.column);
      const sequence = sequenceOptions(s);
      if (s.identity && s.ownedBy) {
        // Implied by the identity column unless its name or options are its own.
        const { type: _type, ...options } = sequence;
        const defaultName = s.name === defaultNames.sequence(s.ownedBy.table, s.ownedBy.column);
        const typeMatches = ownerColumn === undefined || ownerColumn.type === s.dataType;
        if (defaultName && typeMatches && Object.keys(options).length === 0) continue;
        sequence.type = typeMatches ? undefined : s.dataType;
        if (sequence.type === undefined) delete sequence.type;
      }
      if (s.ownedBy) sequence.ownedBy = `${refName(s.schema, s.ownedBy.schema, s.ownedBy.table)}.${namePart(s.ownedBy.column)}`;
      setOwn(sequences, specName(s.schema, s.name), sequence);
    }
    return unlessEmpty(sequences);
  },
  layout: (sequences) => ({ flow: Object.keys(sequences).map((name) => [name]), spaced: false }),
};
