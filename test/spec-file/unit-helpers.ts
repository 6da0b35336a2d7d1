/**
 * Helpers for the kinds' database-free spec tests (src/kinds/<kind>/spec*.test.ts):
 * the checks of meaning of a spec built in code, and a model with only the
 * sections a test needs.
 */
import type { SchemaModel, Sequence } from '../../src/model/schema-model.js';
import { checkSpec } from '../../src/spec-file/check-spec.js';
import { inMemorySpec } from '../../src/spec-file/in-memory-spec.js';
import type { SpecFile } from '../../src/spec-file/spec-types.js';

/** The checks of meaning of `file`, each as `logical.path: message`. */
export function meaningProblems(file: SpecFile): string[] {
  const spec = inMemorySpec(file);
  const located = { ...spec, locate: (path: readonly string[]) => ({ file: 'spec.yaml', line: 1, path: path.join('.') }) };
  return checkSpec(located).map((p) => `${p.path}: ${p.message}`);
}

/** An empty model with `parts` set. */
export function modelWith(parts: Partial<SchemaModel>): SchemaModel {
  return {
    schemas: [{ name: 'public', comment: null }],
    extensions: [],
    collations: [],
    enums: [],
    domains: [],
    types: [],
    sequences: [],
    tables: [],
    views: [],
    functions: [],
    eventTriggers: [],
    privileges: [],
    ...parts,
  };
}

/** A bigint sequence with CREATE SEQUENCE's defaults, free-standing. */
export function sequence(name: string, over: Partial<Sequence> = {}): Sequence {
  return {
    schema: 'public',
    name,
    dataType: 'bigint',
    start: '1',
    increment: '1',
    min: '1',
    max: '9223372036854775807',
    cache: '1',
    cycle: false,
    ownedBy: null,
    identity: false,
    comment: null,
    ...over,
  };
}
