import { enumType } from '../../../test/diff/builders.js';
import { meaningProblems, modelWith } from '../../../test/spec-file/unit-helpers.js';
import { fromModelContext } from '../../spec-file/model-to-spec.js';
import type { Domain } from './model.js';
import { DOMAIN_SPEC } from './spec.js';

function domain(name: string, over: Partial<Domain> = {}): Domain {
  return { schema: 'public', name, baseType: 'integer', notNull: false, default: null, checks: [], collation: null, comment: null, ...over };
}

describe('domains: meaning', () => {
  test('a long name; a qualified base type of an owned schema must be defined', () => {
    const long = 'd'.repeat(70);
    expect(meaningProblems({ domains: { [long]: { type: 'public.missing' }, ok: { type: 'extensions.citext' } } })).toEqual([
      `domains.public.${long}: domain name is 70 bytes long; PostgreSQL truncates names to 63 bytes`,
      `domains.public.${long}.type: unknown type public.missing: the spec defines no enum or domain of that name`,
    ]);
  });

  test('a domain over an enum of the spec', () => {
    expect(meaningProblems({ enums: { e: { values: ['a'] } }, domains: { d: { type: 'public.e' } } })).toEqual([]);
  });
});

describe('domains: from the model', () => {
  test('NOT NULL, default, collation, checks over VALUE (one line), comment', () => {
    const d = domain('year', {
      notNull: true,
      default: '1901',
      collation: 'C',
      checks: [
        { name: 'year_check', definition: 'CHECK (VALUE >= 1901\n    AND VALUE <= 2155)' },
        { name: 'later', definition: 'CHECK (VALUE > 0) NOT VALID' },
        { name: 'odd', definition: 'something else' },
      ],
      comment: 'a year',
    });
    expect(DOMAIN_SPEC.fromModel(fromModelContext(modelWith({ domains: [d] })))).toEqual({
      year: {
        type: 'integer',
        nullable: false,
        default: '1901',
        collation: 'C',
        checks: { year_check: 'VALUE >= 1901 AND VALUE <= 2155', later: 'VALUE > 0', odd: 'something else' },
        description: 'a year',
      },
    });
  });

  test('a type of public is qualified in a domain of another schema', () => {
    const m = modelWith({ enums: [enumType('mood', ['a'])], domains: [domain('moods', { schema: 'app', baseType: 'mood[]' })] });
    expect(DOMAIN_SPEC.fromModel(fromModelContext(m))).toEqual({ 'app.moods': { type: 'public.mood[]' } });
  });

  test('a blank line between domains, nothing on one line', () => {
    expect(DOMAIN_SPEC.layout({ d: { type: 'int' } })).toEqual({ flow: [], spaced: true });
  });
});
