/** Helpers of the CI format tests: the OASIS SARIF 2.1.0 validator, a strict XML parser. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv } from 'ajv';
import Ajv04Module from 'ajv-draft-04';
import { SaxesParser } from 'saxes';

const CWD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The SARIF 2.1.0 JSON Schema (vendored in test/fixtures/sarif), compiled. */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(CWD, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  // CommonJS under ESM: the class is the module's default export's `default`.
  type Ajv04Class = new (options: object) => Ajv;
  const module = Ajv04Module as unknown as Ajv04Class & { default?: Ajv04Class };
  const Ajv04 = module.default ?? module;
  const ajv = new Ajv04({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s));
  return ajv.compile(schema);
}

/** Parse `xml` strictly; the elements' names and attributes, in document order. */
export function parseXml(xml: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: { name: string; attributes: Record<string, string>; text: string }[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const el = { name: t.name, attributes: t.attributes as Record<string, string>, text: '' };
    elements.push(el);
    open.push(el);
  });
  parser.on('text', (t) => {
    const top = open[open.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => open.pop());
  parser.write(xml).close();
  return elements;
}
