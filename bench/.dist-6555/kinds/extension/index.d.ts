import type { ObjectKind } from '../kind.js';
import { type ExtensionFinding } from './findings.js';
export declare const extensionKind: ObjectKind<ExtensionFinding>;
