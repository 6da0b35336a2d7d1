/**
 * The spec's `enums:` section: enum types by name, their labels in order.
 *
 *   enums:
 *     lead_status:
 *       values: [new, contacted, qualified]
 */
import { setOwn } from '../../model/own.js';
import { objectsByName, text } from '../../spec-file/json-schema.js';
import { specName } from '../../spec-file/names.js';
import { unlessEmpty, type MapSection } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import { PRIVILEGE_PROPERTIES, type SpecPrivileges } from '../privilege/spec-json.js';

/** An enum type as a spec writes it. */
export interface SpecEnum extends SpecPrivileges {
  readonly values: readonly string[];
  readonly description?: string;
}

const KEY = 'enums';

/** The `enums:` section. */
export const ENUM_SPEC: MapSection<SpecEnum> = {
  key: KEY,
  shape: 'map',
  jsonSchema: {
    property: objectsByName('Enum types by name (`lead_status` or `billing.currency`).', 'enum'),
    definitions: {
      enum: {
        description: 'An enum type.',
        type: 'object',
        additionalProperties: false,
        required: ['values'],
        properties: {
          values: {
            description: 'The labels, in order (the order is part of the type).',
            type: 'array',
            items: text('A label (1 to 63 bytes).'),
            uniqueItems: true,
            examples: [['new', 'contacted', 'qualified']],
          },
          description: text('What the type means (its COMMENT).'),
          ...PRIVILEGE_PROPERTIES,
        },
      },
    },
  },
  names: ({ key, q }) => [{ namespace: 'type', key, what: 'enum', path: [KEY, q.schema, q.name] }],
  check(context, objects) {
    for (const { q, value } of objects) {
      const base = [KEY, q.schema, q.name];
      context.checkNameLength(q.name, base, 'enum');
      if (!isRecord(value) || !Array.isArray(value.values)) continue;
      value.values.forEach((label, i) => {
        if (typeof label === 'string') context.checkNameLength(label, [...base, 'values', String(i)], 'enum label');
      });
    }
  },
  modelTypes: (model) => model.enums,
  fromModel({ model, inScope }) {
    const enums: Record<string, SpecEnum> = {};
    for (const e of model.enums) {
      if (!inScope(e.schema)) continue;
      setOwn(enums, specName(e.schema, e.name), { values: [...e.values], ...(e.comment !== null ? { description: e.comment } : {}) });
    }
    return unlessEmpty(enums);
  },
  layout: (enums) => ({ flow: Object.keys(enums).map((name) => [name, 'values']), spaced: true }),
};
