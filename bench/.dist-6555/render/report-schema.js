import { readFileSync } from 'node:fs';
/** The JSON Schema of the `--format json` report (dist/render/report.schema.json). */
export function reportJsonSchema() {
    return JSON.parse(readFileSync(new URL('./report.schema.json', import.meta.url), 'utf8'));
}
//# sourceMappingURL=report-schema.js.map