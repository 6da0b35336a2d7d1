import { readFileSync } from 'node:fs';
import path from 'node:path';
import { specJsonSchemaText } from '../../src/spec-file/spec-schema.js';
import { ACK_FILE_SCHEMA } from '../../src/ack/ack-file.js';
import { ROOT } from '../support/cli.js';

/**
 * The build ships the spec's JSON Schema where the README ("Editor support")
 * tells editors to look: dist/spec/spec.schema.json, as assembled from the
 * kinds' sections. In the `db` project because it reads dist/ (`npm test`
 * builds first).
 */
test('is shipped at dist/spec/ as documented, as assembled', () => {
  expect(readFileSync(path.join(ROOT, 'dist/spec/spec.schema.json'), 'utf8')).toBe(specJsonSchemaText());
});

test("the acknowledgements file's JSON Schema is shipped at dist/spec/ack.schema.json, and it is what the loader checks", () => {
  expect(JSON.parse(readFileSync(path.join(ROOT, 'dist/spec/ack.schema.json'), 'utf8'))).toEqual(ACK_FILE_SCHEMA);
});
