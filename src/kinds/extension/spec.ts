/** The spec's `extensions:` section: the extensions the database needs, by name. */
import { text } from '../../spec-file/json-schema.js';
import type { ListSection } from '../../spec-file/spec-section.js';

/** The `extensions:` section. */
export const EXTENSION_SPEC: ListSection = {
  key: 'extensions',
  shape: 'list',
  jsonSchema: {
    property: {
      description: 'Extensions the database needs (`pgcrypto`, `citext`, ...).',
      type: 'array',
      items: text('An extension name.'),
      uniqueItems: true,
      examples: [['pgcrypto', 'citext']],
    },
    definitions: {},
  },
  // Every extension of the database, whatever the schemas written: an extension is not in the spec's schemas.
  fromModel: ({ model }) => {
    const names = model.extensions.map((e) => e.name);
    return names.length > 0 ? names : undefined;
  },
  layout: () => ({ flow: [[]], spaced: false }),
};
