/**
 * Guards on the registry: what the compiler cannot check about the kinds
 * and what is derived from them.
 */
import { CONTAINER_FIELDS, MEMBER_FIELDS, type FindingObject } from '../findings/finding.js';
import { DEFAULT_SEVERITY, FINDING_KINDS, findingDefinition, objectKindOf } from '../findings/kinds.js';
import type { SchemaModel } from '../model/schema-model.js';
import { KINDS } from './registry.js';

/** Every section of the model: the compiler makes this list complete (a missing key fails to compile). */
const SECTIONS: Record<keyof SchemaModel, true> = {
  schemas: true,
  extensions: true,
  collations: true,
  enums: true,
  domains: true, types: true,
  sequences: true,
  functions: true,
  eventTriggers: true,
  tables: true,
  views: true,
  privileges: true,
};

/** Every field of a finding object that names an object (not the schema, not the kind of a comment's object). */
const OBJECT_FIELDS: Record<Exclude<keyof FindingObject, 'schema' | 'kind'>, true> = {
  table: true,
  column: true,
  index: true,
  constraint: true,
  trigger: true,
  policy: true,
  enum: true,
  domain: true, type: true, collation: true,
  sequence: true,
  view: true,
  value: true,
  extension: true,
  eventTrigger: true,
  function: true,
  arguments: true,
};

describe('the registry', () => {
  test('kind names are unique', () => {
    const names = KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('every section of the model is held by exactly one top-level kind, in the model order', () => {
    const sections = KINDS.flatMap((k) => ('section' in k.placement ? [k.placement.section] : []));
    expect(sections).toEqual(Object.keys(SECTIONS));
  });

  test('every member kind comes after its container kind', () => {
    const position = new Map(KINDS.map((k, i) => [k.name, i]));
    for (const [i, kind] of KINDS.entries()) {
      if (!('container' in kind.placement)) continue;
      expect(position.get(kind.placement.container)).toBeLessThan(i);
    }
  });

  test('the fields that name objects in findings are the kinds’ object fields, the enum label and a function’s arguments', () => {
    const fields = KINDS.flatMap((k) => (k.objectField === null ? [] : [k.objectField]));
    expect(new Set([...fields, 'value', 'arguments'])).toEqual(new Set(Object.keys(OBJECT_FIELDS)));
    expect(new Set<string>([...CONTAINER_FIELDS, ...MEMBER_FIELDS, 'arguments'])).toEqual(new Set(Object.keys(OBJECT_FIELDS)));
  });

  test('every kind that reports findings names its objects in them (the comment and privilege kinds name the other kinds’ objects, a schema is its `schema`)', () => {
    for (const kind of KINDS) {
      if (Object.keys(kind.findings).length > 0 && !('across' in kind.placement) && kind.name !== 'privilege' && kind.name !== 'schema') expect(kind.objectField).not.toBeNull();
    }
  });

  test('the comment kind comes last, and the kinds whose objects carry comments list them', () => {
    expect(KINDS[KINDS.length - 1]?.name).toBe('comment');
    const commented = KINDS.filter((k) => k.comments !== undefined).map((k) => k.name);
    expect(commented).toEqual(expect.arrayContaining(['schema', 'extension', 'enum', 'domain', 'sequence', 'table', 'column', 'index', 'constraint']));
  });
});

describe('finding kinds, derived from the registry', () => {
  test('each is defined by exactly one kind, and listed once', () => {
    const defined = KINDS.flatMap((k) => Object.keys(k.findings));
    expect(new Set(defined).size).toBe(defined.length);
    expect([...FINDING_KINDS].sort()).toEqual([...defined].sort());
    expect(new Set(FINDING_KINDS).size).toBe(FINDING_KINDS.length);
  });

  test('the first release order is kept (reports and JSON Schemas never reorder known kinds)', () => {
    expect(FINDING_KINDS.slice(0, 21)).toEqual([
      'missing_table',
      'unexpected_table',
      'missing_column',
      'unexpected_column',
      'column_type_mismatch',
      'column_nullability_mismatch',
      'column_default_mismatch',
      'column_identity_mismatch',
      'column_generated_mismatch',
      'missing_index',
      'unexpected_index',
      'index_mismatch',
      'missing_enum',
      'unexpected_enum',
      'enum_value_missing',
      'enum_value_unexpected',
      'enum_value_order_mismatch',
      'missing_constraint',
      'unexpected_constraint',
      'constraint_mismatch',
      'table_mismatch',
    ]);
  });

  test.each(FINDING_KINDS.map((k) => [k]))('%s: a severity, an effect that matches its name, nouns, and its kind', (k) => {
    const d = findingDefinition(k);
    expect(DEFAULT_SEVERITY[k]).toBe(d.severity);
    if (k.startsWith('missing_') || k.endsWith('_missing')) expect(d.effect).toBe('missing');
    else if (k.startsWith('unexpected_') || k.endsWith('_unexpected')) expect(d.effect).toBe('unexpected');
    else expect(d.effect).toBe('mismatch');
    expect(d.noun.one).not.toBe('');
    expect(d.noun.many).not.toBe('');
    expect(Object.keys(objectKindOf(k).findings)).toContain(k);
  });
});
