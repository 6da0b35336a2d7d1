import { modelWith } from '../../../test/spec-file/unit-helpers.js';
import { fromModelContext } from '../../spec-file/model-to-spec.js';
import { EXTENSION_SPEC } from './spec.js';

describe('extensions: from the model', () => {
  test('every extension by name, whatever the schemas asked for', () => {
    const m = modelWith({
      extensions: [
        { name: 'pgcrypto', schema: 'public', version: '1.3', relocatable: true, comment: null },
        { name: 'citext', schema: 'ext', version: '1.6', relocatable: true, comment: null },
      ],
    });
    expect(EXTENSION_SPEC.fromModel(fromModelContext(m, { schemas: ['public'] }))).toEqual(['pgcrypto', 'citext']);
  });

  test('left out when there are none', () => {
    expect(EXTENSION_SPEC.fromModel(fromModelContext(modelWith({})))).toBeUndefined();
  });

  test('one line in YAML', () => {
    expect(EXTENSION_SPEC.layout(['pgcrypto'])).toEqual({ flow: [[]], spaced: false });
  });
});
