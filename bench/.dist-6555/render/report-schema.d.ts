import type ReportJsonSchema from './report.schema.json';
/** The JSON Schema of the `--format json` report (dist/render/report.schema.json). */
export declare function reportJsonSchema(): typeof ReportJsonSchema;
