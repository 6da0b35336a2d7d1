import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditReport } from '../../src/audit.js';
import { renderText } from '../../src/render/text.js';

/**
 * Plain-text report goldens on the OneKeel fixture and on a clean database
 * (the reports are the real-run fixtures the markdown goldens use). No
 * database: the password test is in redaction.test.ts. After an intended
 * change: UPDATE_GOLDEN=1 npm run test:unit -- test/render/text-golden
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function fixture(name: string): AuditReport {
  return JSON.parse(readFileSync(path.join(HERE, 'fixtures', `${name}-report.json`), 'utf8')) as AuditReport;
}

test.each(['onekeel', 'clean', 'everything'])('%s: the plain-text report equals its golden, with no ANSI codes', (name) => {
  const text = renderText(fixture(name), { failOn: 'error' });
  const file = path.join(HERE, 'golden', `${name}.txt`);
  if (UPDATE) writeFileSync(file, text);
  expect(existsSync(file)).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
  expect(text).not.toMatch(/\u001b\[/);
});
