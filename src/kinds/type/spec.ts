/**
 * The spec's `types:` section: composite and range types by name.
 *
 *   types:
 *     address:
 *       attributes: { street: text, city: { type: text, collation: C } }
 *     float_range:
 *       range: { subtype: float8, subtypeDiff: float8mi }
 */
import { setOwn } from '../../model/own.js';
import { objectsByName, text } from '../../spec-file/json-schema.js';
import { specName } from '../../spec-file/names.js';
import { unlessEmpty, type MapSection, type Mutable } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import type { UserType } from './model.js';
import { PRIVILEGE_PROPERTIES, type SpecPrivileges } from '../privilege/spec-json.js';

/** An attribute as a spec writes it: its type, or its type and collation. */
export type SpecTypeAttribute = string | { readonly type: string; readonly collation?: string };

/** A range type's definition as a spec writes it. */
export interface SpecRange {
  readonly subtype: string;
  readonly collation?: string;
  readonly canonical?: string;
  readonly subtypeDiff?: string;
}

/** A composite type (`attributes`) or a range type (`range`) as a spec writes it. */
export interface SpecType extends SpecPrivileges {
  readonly attributes?: Readonly<Record<string, SpecTypeAttribute>>;
  readonly range?: SpecRange;
  readonly description?: string;
}

const KEY = 'types';

function typeSpec(t: UserType, typeIn: (type: string, schema: string) => string): SpecType {
  const out: Mutable<SpecType> = {};
  if (t.kind === 'composite') {
    const attributes: Record<string, SpecTypeAttribute> = {};
    for (const a of t.attributes) {
      const type = typeIn(a.type, t.schema);
      setOwn(attributes, a.name, a.collation === null ? type : { type, collation: a.collation });
    }
    out.attributes = attributes;
  } else {
    const r = t.range!;
    out.range = {
      subtype: typeIn(r.subtype, t.schema),
      ...(r.collation !== null ? { collation: r.collation } : {}),
      ...(r.canonical !== null ? { canonical: r.canonical } : {}),
      ...(r.subtypeDiff !== null ? { subtypeDiff: r.subtypeDiff } : {}),
    };
  }
  if (t.comment !== null) out.description = t.comment;
  return out;
}

/** The `types:` section. */
export const TYPE_SPEC: MapSection<SpecType> = {
  key: KEY,
  shape: 'map',
  jsonSchema: {
    property: objectsByName('Composite and range types by name (`address` or `geo.span`).', 'userType'),
    definitions: {
      userType: {
        description: 'A composite type (`attributes`) or a range type (`range`).',
        type: 'object',
        additionalProperties: false,
        anyOf: [{ required: ['attributes'] }, { required: ['range'] }],
        not: { required: ['attributes', 'range'] },
        properties: {
          attributes: {
            description: 'A composite type: its attributes in order, each its type or `{type, collation}`.',
            type: 'object',
            additionalProperties: {
              anyOf: [
                text('The attribute type, any spelling PostgreSQL accepts.'),
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type'],
                  properties: { type: text('The attribute type.'), collation: text('Collation.') },
                },
              ],
            },
            examples: [{ street: 'text', zip: { type: 'text', collation: 'C' } }],
          },
          range: {
            description: 'A range type: CREATE TYPE … AS RANGE.',
            type: 'object',
            additionalProperties: false,
            required: ['subtype'],
            properties: {
              subtype: text('The element type.', ['float8', 'timestamptz']),
              collation: text('Collation of the subtype.'),
              canonical: text('Canonical function.'),
              subtypeDiff: text('Subtype difference function.', ['float8mi']),
            },
          },
          description: text('What the type means (its COMMENT).'),
          ...PRIVILEGE_PROPERTIES,
        },
      },
    },
  },
  sqlFragments: [
    { path: ['attributes', '*'], kind: 'type' },
    { path: ['attributes', '*', 'type'], kind: 'type' },
    { path: ['attributes', '*', 'collation'], kind: 'collation' },
    { path: ['range', 'subtype'], kind: 'type' },
    { path: ['range', 'collation'], kind: 'collation' },
  ],
  names: ({ key, q }) => [{ namespace: 'type', key, what: 'type', path: [KEY, q.schema, q.name] }],
  check(context, objects) {
    for (const { q, value } of objects) {
      const base = [KEY, q.schema, q.name];
      context.checkNameLength(q.name, base, 'type');
      if (!isRecord(value)) continue;
      if (isRecord(value.attributes)) {
        for (const [name, a] of Object.entries(value.attributes)) {
          context.checkNameLength(name, [...base, 'attributes', name], 'attribute');
          context.checkType(isRecord(a) ? a.type : a, [...base, 'attributes', name]);
        }
      }
      if (isRecord(value.range)) context.checkType(value.range.subtype, [...base, 'range', 'subtype']);
    }
  },
  modelTypes: (model) => model.types,
  fromModel({ model, inScope, typeIn }) {
    const types: Record<string, SpecType> = {};
    for (const t of model.types) if (inScope(t.schema)) setOwn(types, specName(t.schema, t.name), typeSpec(t, typeIn));
    return unlessEmpty(types);
  },
  layout: (types) => ({ flow: Object.keys(types).flatMap((name) => [[name, 'attributes'], [name, 'range']]), spaced: true }),
};
