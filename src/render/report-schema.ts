import { readFileSync } from 'node:fs';
// Type-only import: keeps report.schema.json in tsc's program, so the build
// copies it to dist/render/ where the package ships it.
import type ReportJsonSchema from './report.schema.json';

/** The JSON Schema of the `--format json` report (dist/render/report.schema.json). */
export function reportJsonSchema(): typeof ReportJsonSchema {
  return JSON.parse(readFileSync(new URL('./report.schema.json', import.meta.url), 'utf8')) as typeof ReportJsonSchema;
}
