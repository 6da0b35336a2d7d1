import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADVICE_KINDS } from '../../src/advice/index.js';
import { FINDING_KINDS } from '../../src/findings/kinds.js';
import { reportJsonSchema } from '../../src/render/report-schema.js';
import { checkReport } from './validate-report.js';

/**
 * The shipped JSON Schema of the report accepts the checked-in reports of real
 * runs. No database: report-schema-audit.test.ts runs a fresh audit.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
test('the schema lists exactly the finding kinds and advice kinds the code has', () => {
  const schema = reportJsonSchema() as unknown as { definitions: { driftKind: { enum: string[] }; adviceKind: { enum: string[] } } };
  expect(schema.definitions.driftKind.enum).toEqual([...FINDING_KINDS]);
  expect(schema.definitions.adviceKind.enum).toEqual([...ADVICE_KINDS]);
});

test.each(['onekeel', 'clean', 'everything'])('the %s report fixture (a real run) is valid', (name) => {
  checkReport(JSON.parse(readFileSync(path.join(HERE, 'fixtures', `${name}-report.json`), 'utf8')));
});
