/** Functions, procedures, aggregates and window functions: compared by definition, overloads apart. */
import type { ObjectKind } from '../kind.js';
import { FUNCTION_CATALOG } from './catalog.js';
import { compareRoutines } from './compare.js';
import { FUNCTION_FINDINGS, type FunctionFinding } from './findings.js';
import { FUNCTION_WORDS } from './words.js';

export const functionKind: ObjectKind<FunctionFinding> = {
  name: 'function',
  noun: { one: 'function', many: 'functions' },
  placement: { section: 'functions' },
  objectField: 'function',
  findings: FUNCTION_FINDINGS,
  compare: (expected, actual, inScope) =>
    compareRoutines(
      expected.functions.filter((r) => inScope(r.schema)),
      actual.functions.filter((r) => inScope(r.schema)),
    ),
  listsMissingApart: false,
  ddl: null,
  plan: {
    findings: {
      missing_function: (f, ctx) => ctx.manual(f, 'not planned yet: create the function as the expected schema defines it'),
      unexpected_function: (f, ctx) => ctx.manual(f, 'not planned yet: drop the function if nothing uses it'),
      function_definition_mismatch: (f, ctx) => ctx.manual(f, 'not planned yet: replace the function with the expected definition'),
    },
  },
  words: FUNCTION_WORDS,
  spec: null,
  catalog: FUNCTION_CATALOG,
};
