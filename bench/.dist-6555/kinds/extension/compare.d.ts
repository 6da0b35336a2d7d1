import type { Comparison, FindingObject } from '../../findings/finding.js';
import type { InScope } from '../kind.js';
import { type ExtensionFinding } from './findings.js';
import type { Extension } from './model.js';
export declare function extensionObject(e: Extension): FindingObject;
export declare function compareExtensions(expected: readonly Extension[], actual: readonly Extension[], inScope: InScope): Comparison<ExtensionFinding>;
