import type { ObjectKind } from '../kind.js';
import { type ViewFinding } from './findings.js';
export declare const viewKind: ObjectKind<ViewFinding>;
