/**
 * The spec's `schemas:` section: the schemas the spec owns, when they are
 * not just the schemas its objects live in (an empty schema the spec owns,
 * say). Which schemas a spec owns, and what owning means for references and
 * unexpected objects, crosses kinds: the spec-file stage works it out.
 */
import { compareText } from '../../model/sort.js';
import { text } from '../../spec-file/json-schema.js';
import type { ListSection } from '../../spec-file/spec-section.js';
import { PRIVILEGE_PROPERTIES } from '../privilege/spec-json.js';

/** The `schemas:` section. */
export const SCHEMA_SPEC: ListSection = {
  key: 'schemas',
  shape: 'list',
  jsonSchema: {
    property: {
      description:
        'Schemas the spec owns: objects in them that the spec does not list are reported as unexpected. Default: the schemas its objects live in. References to tables in schemas the spec does not own are not checked (they are external).',
      type: 'array',
      items: {
        anyOf: [
          text('A schema name.'),
          {
            description: 'A schema with its owner and privileges.',
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: { name: text('The schema name.'), ...PRIVILEGE_PROPERTIES },
          },
        ],
      },
      uniqueItems: true,
    },
    definitions: {},
  },
  // Written only when the model's schemas are not exactly those its objects are in.
  fromModel: ({ model, inScope, objectSchemas }) => {
    const schemas = model.schemas
      .map((s) => s.name)
      .filter(inScope)
      .sort(compareText);
    const same = schemas.length === objectSchemas.size && schemas.every((s) => objectSchemas.has(s));
    return same ? undefined : schemas;
  },
  layout: () => ({ flow: [[]], spaced: false }),
};
