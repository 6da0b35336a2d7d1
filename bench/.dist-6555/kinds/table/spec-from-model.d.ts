import type { FromModelContext } from '../../spec-file/spec-section.js';
import type { SpecTable } from './spec-node.js';
/** The tables of the model in scope, by the names the spec writes. */
export declare function tablesFromModel(context: FromModelContext): Record<string, SpecTable>;
