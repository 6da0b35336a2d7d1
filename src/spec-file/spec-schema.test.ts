/**
 * The spec's JSON Schema, assembled from the kinds' fragments: the copy
 * committed at src/spec-file/spec.schema.json is exactly what the build
 * ships, so a change to a fragment shows in review. After an intended change:
 *   UPDATE_GOLDEN=1 npm run test:unit -- src/spec-file/spec-schema
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FINDING_KINDS } from '../findings/kinds.js';
import { SECTIONS } from './sections.js';
import { specJsonSchema, specJsonSchemaText } from './spec-schema.js';

const COMMITTED = new URL('./spec.schema.json', import.meta.url);

describe('the assembled JSON Schema', () => {
  test('is the committed copy, byte for byte', () => {
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(COMMITTED, specJsonSchemaText());
    expect(readFileSync(COMMITTED, 'utf8')).toBe(specJsonSchemaText());
  });

  test('has the file settings, roles and the database, each kind’s section in registry order, then default privileges, ignore and severity', () => {
    expect(Object.keys(specJsonSchema().properties ?? {})).toEqual(['version', 'schema', 'roles', 'database', ...SECTIONS.map((s) => s.section.key), 'default_privileges', 'ignore', 'severity']);
  });

  test('the finding kinds are listed in full, in the enum and in its description', () => {
    const { findingKind } = specJsonSchema().definitions;
    expect(findingKind?.enum).toEqual([...FINDING_KINDS]);
    expect(findingKind?.description).toBe(`A finding kind: ${FINDING_KINDS.join(', ')}.`);
  });

  test('every reference resolves to a definition, and every definition is referenced', () => {
    const text = specJsonSchemaText();
    const referenced = new Set([...text.matchAll(/"#\/definitions\/([^"]+)"/g)].map((m) => m[1]));
    expect([...referenced].sort()).toEqual(Object.keys(specJsonSchema().definitions).sort());
  });
});
