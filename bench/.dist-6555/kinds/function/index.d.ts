/** Functions, procedures, aggregates and window functions: compared by definition, overloads apart. */
import type { ObjectKind } from '../kind.js';
import { type FunctionFinding } from './findings.js';
export declare const functionKind: ObjectKind<FunctionFinding>;
