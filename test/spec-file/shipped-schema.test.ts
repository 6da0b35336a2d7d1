import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/cli.js';

/**
 * The build ships the spec's JSON Schema where the README ("Editor support")
 * tells editors to look: dist/spec/spec.schema.json, equal to the source.
 * In the `db` project because it reads dist/ (`npm test` builds first).
 */
test('dist/spec/spec.schema.json is the source schema', () => {
  const source = readFileSync(path.join(ROOT, 'src/spec-file/spec.schema.json'), 'utf8');
  expect(JSON.parse(readFileSync(path.join(ROOT, 'dist/spec/spec.schema.json'), 'utf8'))).toEqual(JSON.parse(source));
});
