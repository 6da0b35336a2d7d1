/** Functions, procedures, aggregates and window functions: compared by definition, overloads apart. */
import type { ObjectKind } from '../kind.js';
import { FUNCTION_CATALOG } from './catalog.js';
import { functionComments, functionObjects, lateFunctionObjects } from './ddl.js';
import { FUNCTION_SPEC } from './spec.js';
import { compareRoutines } from './compare.js';
import { FUNCTION_FINDINGS, type FunctionFinding } from './findings.js';
import { FUNCTION_PLAN } from './plan.js';
import { FUNCTION_WORDS } from './words.js';
import { functionCommentedObjects } from './comments.js';

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
  ddl: { objects: functionObjects, views: lateFunctionObjects, comments: functionComments },
  plan: FUNCTION_PLAN,
  words: FUNCTION_WORDS,
  spec: FUNCTION_SPEC,
  catalog: FUNCTION_CATALOG,
  comments: functionCommentedObjects,
};
