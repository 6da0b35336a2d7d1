import { reportJsonSchema } from '../../src/render/report-schema.js';
import { createAjv } from '../../src/spec-file/validate-spec.js';

/** The report's shipped JSON Schema, compiled once per test file. */
export const validateReport = createAjv().compile(reportJsonSchema());

/** Expect `report` to be valid, showing Ajv's errors when it is not. */
export function checkReport(report: unknown): void {
  const ok = validateReport(report);
  expect(ok ? [] : validateReport.errors).toEqual([]);
}
