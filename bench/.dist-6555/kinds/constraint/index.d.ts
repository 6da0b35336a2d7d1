/** Table constraints (primary key, unique, foreign key, check, exclusion): compared by their table. */
import type { ObjectKind } from '../kind.js';
import { type ConstraintFinding } from './findings.js';
export declare const constraintKind: ObjectKind<ConstraintFinding>;
