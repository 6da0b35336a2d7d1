import { modelWith } from '../../../test/spec-file/unit-helpers.js';
import { fromModelContext } from '../../spec-file/model-to-spec.js';
import { EXTENSION_SPEC, specExtension, specExtensionNames } from './spec.js';

describe('extensions: from the model', () => {
  test('every extension by name, whatever the schemas asked for; with its schema when not public, never its version', () => {
    const m = modelWith({
      extensions: [
        { name: 'pgcrypto', schema: 'public', version: '1.3', relocatable: true, comment: null },
        { name: 'citext', schema: 'ext', version: '1.6', relocatable: true, comment: null },
      ],
    });
    expect(EXTENSION_SPEC.fromModel(fromModelContext(m, { schemas: ['public'] }))).toEqual(['pgcrypto', { name: 'citext', schema: 'ext' }]);
  });

  test('left out when there are none', () => {
    expect(EXTENSION_SPEC.fromModel(fromModelContext(modelWith({})))).toBeUndefined();
  });

  test('one line in YAML', () => {
    expect(EXTENSION_SPEC.layout(['pgcrypto'])).toEqual({ flow: [[]], spaced: false });
  });
});

describe('extensions: as written', () => {
  test('a name, or an object: name, schema and version, each left out when not written', () => {
    expect(specExtension('citext')).toEqual({ name: 'citext' });
    expect(specExtension({ name: 'pg_trgm', schema: 'ext', version: '1.6' })).toEqual({ name: 'pg_trgm', schema: 'ext', version: '1.6' });
    expect(specExtensionNames(['citext', { name: 'pg_trgm' }])).toEqual(['citext', 'pg_trgm']);
  });
});
