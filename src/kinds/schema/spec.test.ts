import { meaningProblems, modelWith } from '../../../test/spec-file/unit-helpers.js';
import { enumType } from '../../../test/diff/builders.js';
import { fromModelContext } from '../../spec-file/model-to-spec.js';
import { SCHEMA_SPEC } from './spec.js';

const schemas = (...names: string[]) => names.map((name) => ({ name, comment: null }));

describe('schemas: from the model', () => {
  test('left out when the model’s schemas are those its objects are in', () => {
    const m = modelWith({ schemas: schemas('public'), enums: [enumType('s', ['a'])] });
    expect(SCHEMA_SPEC.fromModel(fromModelContext(m))).toBeUndefined();
  });

  test('written, sorted, when a schema holds nothing the spec writes', () => {
    const m = modelWith({ schemas: schemas('public', 'audit', 'Billing'), enums: [enumType('s', ['a'])] });
    expect(SCHEMA_SPEC.fromModel(fromModelContext(m))).toEqual(['Billing', 'audit', 'public']);
  });

  test('only the schemas asked for', () => {
    const m = modelWith({ schemas: schemas('public', 'audit'), enums: [enumType('s', ['a'], { schema: 'audit' })] });
    expect(SCHEMA_SPEC.fromModel(fromModelContext(m, { schemas: ['audit'] }))).toBeUndefined();
    expect(SCHEMA_SPEC.fromModel(fromModelContext(m, { schemas: ['public', 'audit'] }))).toEqual(['audit', 'public']);
  });

  test('one line in YAML', () => {
    expect(SCHEMA_SPEC.layout(['a', 'b'])).toEqual({ flow: [[]], spaced: false });
  });
});

describe('schemas: meaning', () => {
  test('a schema the spec owns makes references to it checked', () => {
    const leads = { columns: { id: { type: 'int', references: { table: 'billing.clients' } } } };
    expect(meaningProblems({ tables: { leads } })).toEqual([]);
    expect(meaningProblems({ schemas: ['billing'], tables: { leads } })).toEqual([
      'tables.public.leads.columns.id.references.table: references unknown table billing.clients',
    ]);
  });
});
