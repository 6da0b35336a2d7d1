import { enumType } from '../../../test/diff/builders.js';
import { meaningProblems, modelWith } from '../../../test/spec-file/unit-helpers.js';
import { fromModelContext } from '../../spec-file/model-to-spec.js';
import { ENUM_SPEC } from './spec.js';

const long = 'x'.repeat(64);

describe('enums: meaning', () => {
  test('names and labels PostgreSQL would truncate', () => {
    expect(meaningProblems({ enums: { [long]: { values: ['ok', long] } } })).toEqual([
      `enums.public.${long}: enum name is 64 bytes long; PostgreSQL truncates names to 63 bytes`,
      `enums.public.${long}.values.1: enum label name is 64 bytes long; PostgreSQL truncates names to 63 bytes`,
    ]);
  });

  test('an enum is a type: a domain or table of its name collides, a sequence does not', () => {
    expect(
      meaningProblems({
        enums: { status: { values: ['a'] } },
        domains: { status: { type: 'text' } },
        sequences: { status: {} },
      }),
    ).toEqual([
      'domains.public.status: domain public.status has the same name as the enum at spec.yaml:1 (a table is also a type: enums, domains and tables share one namespace per schema)',
    ]);
  });

  test('a qualified type naming it is known', () => {
    const tables = { t: { columns: { s: { type: 'billing.currency' } } } };
    expect(meaningProblems({ enums: { 'billing.currency': { values: ['eur'] } }, tables })).toEqual([]);
    expect(meaningProblems({ enums: { 'billing.other': { values: ['eur'] } }, tables })).toEqual([
      'tables.public.t.columns.s.type: unknown type billing.currency: the spec defines no enum or domain of that name',
    ]);
  });

  test('a value that is not a map is the structure pass’s', () => {
    expect(meaningProblems({ enums: { e: 5 as never } })).toEqual([]);
  });
});

describe('enums: from the model', () => {
  test('labels in order, the comment as description, keys qualified outside public', () => {
    const m = modelWith({
      enums: [enumType('status', ['b', 'a'], { comment: 'lifecycle' }), enumType('my.type', ['x'], { schema: 'billing' })],
    });
    expect(ENUM_SPEC.fromModel(fromModelContext(m))).toEqual({
      status: { values: ['b', 'a'], description: 'lifecycle' },
      'billing."my.type"': { values: ['x'] },
    });
  });

  test('only the schemas asked for; left out when none', () => {
    const m = modelWith({ enums: [enumType('status', ['a'], { schema: 'billing' })] });
    expect(ENUM_SPEC.fromModel(fromModelContext(m, { schemas: ['public'] }))).toBeUndefined();
  });

  test('values on one line, a blank line between enums', () => {
    expect(ENUM_SPEC.layout({ a: { values: ['x'] }, b: { values: ['y'] } })).toEqual({ flow: [['a', 'values'], ['b', 'values']], spaced: true });
  });

  test('its types are the enums', () => {
    const m = modelWith({ enums: [enumType('status', ['a'])] });
    expect(ENUM_SPEC.modelTypes?.(m).map((t) => `${t.schema}.${t.name}`)).toEqual(['public.status']);
  });
});
