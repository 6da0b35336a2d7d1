/**
 * The spec's JSON Schema, assembled: the file's settings (`version`,
 * `schema`), each kind's section in registry order (its fragment, from its
 * folder), then the rules that cross kinds (`ignore`, `severity`). The
 * loader validates every file against it; the build writes it to
 * `dist/spec/spec.schema.json` for editors (scripts/ship-schemas.mjs), and
 * the copy committed at `src/spec-file/spec.schema.json` is kept equal to it
 * by a test, so a change to a fragment shows in review as a change to the
 * published schema.
 */
import { SEVERITIES } from '../findings/finding.js';
import { FINDING_KINDS } from '../findings/kinds.js';
import { DATE_PATTERN, ref, text, type JsonSchema, type JsonSchemaDefinitions } from './json-schema.js';
import { DATABASE_PROPERTY, DEFAULT_PRIVILEGES_PROPERTY, PRIVILEGE_DEFINITIONS, ROLES_PROPERTY } from '../kinds/privilege/spec-json.js';
import { SECTIONS } from './sections.js';

/** The whole schema: a JSON Schema node with the document's header and its definitions. */
export interface SpecJsonSchema extends JsonSchema {
  readonly $schema: string;
  readonly $id: string;
  readonly title: string;
  readonly definitions: JsonSchemaDefinitions;
}

/** The example of a whole file, shown by editors (and loaded by a test). */
const EXAMPLE = {
  version: 1,
  extensions: ['pgcrypto'],
  enums: { lead_status: { values: ['new', 'contacted', 'qualified'] } },
  tables: {
    leads: {
      description: 'Core business entity for lead management',
      columns: {
        id: { type: 'uuid', nullable: false, default: 'gen_random_uuid()' },
        client_id: { type: 'uuid', nullable: false, references: { table: 'clients', onDelete: 'cascade' } },
        status: { type: 'lead_status', nullable: false, default: "'new'" },
        score: { type: 'int', check: 'score BETWEEN 0 AND 100' },
      },
      primaryKey: ['id'],
      indexes: { idx_leads_score: { columns: ['score'], description: 'filter by score' } },
    },
  },
  ignore: [{ pattern: 'public.spatial_ref_sys', reason: 'PostGIS owns it' }],
  severity: { unexpected_column: 'warning' },
};

/** Definitions that cross kinds: severities, finding kinds, ignore rules. */
function sharedDefinitions(): { head: JsonSchemaDefinitions; tail: JsonSchemaDefinitions } {
  return {
    head: {
      severity: { description: 'How much a finding matters.', enum: [...SEVERITIES] },
      findingKind: {
        description: `A finding kind: ${FINDING_KINDS.join(', ')}.`,
        enum: [...FINDING_KINDS],
      },
    },
    tail: {
      ignoreRule: {
        description: 'Findings to suppress.',
        type: 'object',
        additionalProperties: false,
        required: ['pattern', 'reason'],
        properties: {
          pattern: text(
            'A glob over object names: `public.spatial_ref_sys`, `audit.*`, `public.leads.legacy_*`; `**` matches any number of parts; double-quote a part to match dots or `*` literally. Matching an object matches everything in it.',
            ['public.spatial_ref_sys', 'audit.*', 'public.leads.legacy_*'],
          ),
          kinds: { description: 'Finding kinds the rule applies to (default all).', type: 'array', items: ref('findingKind'), minItems: 1, uniqueItems: true },
          reason: text('Why the spec does not own these objects (shown in reports).'),
          owner: text('Who owns the decision: a person or a team (shown in reports).'),
          expires: { description: 'The last day (yyyy-mm-dd, UTC) the rule holds; after it the findings it ignored are reported again, with a note.', type: 'string', pattern: DATE_PATTERN },
          ticket: { description: 'A ticket or link that tracks the drift.', type: ['string', 'integer'], minLength: 1 },
        },
      },
    },
  };
}

/** Every kind's definitions, each name defined once. */
function kindDefinitions(): JsonSchemaDefinitions {
  const definitions: Record<string, JsonSchema> = {};
  for (const { kind, section } of SECTIONS) {
    for (const [name, definition] of Object.entries(section.jsonSchema.definitions)) {
      if (name in definitions) throw new Error(`the ${kind.name} kind defines ${name}, already defined by another kind`);
      definitions[name] = definition;
    }
  }
  return definitions;
}

/** Assemble the schema from the registry (see the module comment). */
function assemble(): SpecJsonSchema {
  const shared = sharedDefinitions();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'urn:schema-audit:spec:1',
    title: 'schema-audit expected-schema spec',
    description:
      'One file of a schema-audit spec: the PostgreSQL schema an application expects (tables, columns, indexes, constraints, enums, domains, sequences), with descriptions, ignore rules and severity overrides. A spec is one file or a directory of files whose sections are merged; each object is defined in exactly one file.',
    type: 'object',
    additionalProperties: false,
    properties: {
      version: { description: 'Spec format version. Only 1 exists.', const: 1 },
      schema: text('Default schema for the unqualified names of this file (`leads` is `<schema>.leads`). Default `public`.', ['public', 'billing']),
      roles: ROLES_PROPERTY,
      database: DATABASE_PROPERTY,
      ...Object.fromEntries(SECTIONS.map(({ section }) => [section.key, section.jsonSchema.property])),
      default_privileges: DEFAULT_PRIVILEGES_PROPERTY,
      ignore: {
        description: 'Drift the spec accepts: findings about matching objects are not reported (they are counted as ignored).',
        type: 'array',
        items: ref('ignoreRule'),
      },
      severity: {
        description: 'Severity overrides by finding kind, e.g. `unexpected_column: warning`.',
        type: 'object',
        propertyNames: ref('findingKind'),
        additionalProperties: ref('severity'),
      },
    },
    examples: [EXAMPLE],
    definitions: { ...shared.head, ...kindDefinitions(), ...PRIVILEGE_DEFINITIONS, ...shared.tail },
  };
}

let cache: SpecJsonSchema | undefined;

/** The spec's JSON Schema, assembled once. */
export function specJsonSchema(): SpecJsonSchema {
  cache ??= assemble();
  return cache;
}

/** The schema as the file shipped for editors holds it: two-space indented, final newline. */
export function specJsonSchemaText(): string {
  return `${JSON.stringify(specJsonSchema(), null, 2)}\n`;
}
