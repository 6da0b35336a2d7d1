/**
 * The spec's `domains:` section: domains by name, a base type with NOT
 * NULL, a default, a collation and named checks over VALUE.
 *
 *   domains:
 *     year: { type: integer, checks: { year_check: VALUE >= 1901 } }
 */
import { setOwn } from '../../model/own.js';
import { flag, objectsByName, text } from '../../spec-file/json-schema.js';
import { specName } from '../../spec-file/names.js';
import { oneLine } from '../../spec-file/one-line.js';
import { unlessEmpty, type MapSection, type Mutable } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import type { Domain } from './model.js';
import { PRIVILEGE_PROPERTIES, type SpecPrivileges } from '../privilege/spec-json.js';

/** A domain as a spec writes it. */
export interface SpecDomain extends SpecPrivileges {
  readonly type: string;
  readonly nullable?: boolean;
  readonly default?: string;
  readonly collation?: string;
  /** Named CHECK expressions over VALUE: `{ year_check: VALUE >= 1901 }`. */
  readonly checks?: Readonly<Record<string, string>>;
  readonly description?: string;
}

const KEY = 'domains';

/** A domain of the model as the spec writes it; `type` is its base type as the spec spells it. */
function domainSpec(d: Domain, type: string): SpecDomain {
  const domain: Mutable<SpecDomain> = { type };
  if (d.notNull) domain.nullable = false;
  if (d.default !== null) domain.default = oneLine(d.default);
  if (d.collation !== null) domain.collation = d.collation;
  if (d.checks.length) {
    domain.checks = Object.fromEntries(
      d.checks.map((c) => [c.name, oneLine(/^CHECK \((.*)\)( NOT VALID)?$/s.exec(c.definition)?.[1] ?? c.definition)]),
    );
  }
  if (d.comment !== null) domain.description = d.comment;
  return domain;
}

/** The `domains:` section. */
export const DOMAIN_SPEC: MapSection<SpecDomain> = {
  key: KEY,
  shape: 'map',
  jsonSchema: {
    property: objectsByName('Domains by name (`year` or `billing.amount`).', 'domain'),
    definitions: {
      domain: {
        description: 'A domain: a base type with constraints.',
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        properties: {
          type: text('The base type, any spelling PostgreSQL accepts.', ['integer', 'text', 'numeric(12,2)']),
          nullable: flag('Default true; false adds NOT NULL.'),
          default: {
            description: 'Default expression, as SQL (numbers and booleans are taken as written).',
            type: ['string', 'number', 'boolean'],
          },
          collation: text('Collation.'),
          checks: {
            description: 'Named CHECK expressions over VALUE.',
            type: 'object',
            additionalProperties: text('A CHECK expression over VALUE.'),
            examples: [{ year_check: 'VALUE >= 1901 AND VALUE <= 2155' }],
          },
          description: text('What the domain means (its COMMENT).'),
          ...PRIVILEGE_PROPERTIES,
        },
      },
    },
  },
  sqlText: [['default']],
  sqlFragments: [
    { path: ['type'], kind: 'type' },
    { path: ['default'], kind: 'expression' },
    { path: ['checks', '*'], kind: 'expression' },
    { path: ['collation'], kind: 'collation' },
  ],
  names: ({ key, q }) => [{ namespace: 'type', key, what: 'domain', path: [KEY, q.schema, q.name] }],
  check(context, objects) {
    for (const { q, value } of objects) {
      const base = [KEY, q.schema, q.name];
      context.checkNameLength(q.name, base, 'domain');
      if (isRecord(value)) context.checkType(value.type, [...base, 'type']);
    }
  },
  modelTypes: (model) => model.domains,
  fromModel({ model, inScope, typeIn }) {
    const domains: Record<string, SpecDomain> = {};
    for (const d of model.domains) {
      if (inScope(d.schema)) setOwn(domains, specName(d.schema, d.name), domainSpec(d, typeIn(d.baseType, d.schema)));
    }
    return unlessEmpty(domains);
  },
  layout: () => ({ flow: [], spaced: true }),
};
