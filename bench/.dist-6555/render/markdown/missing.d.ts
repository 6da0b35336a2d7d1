import { type Analysis } from './analysis.js';
/** `### Missing Tables`: each with its description, columns and index count. */
export declare function missingTables(a: Analysis): string[];
/** `### Missing Columns`: by table, each column described with its facts and constraints. */
export declare function missingColumnsSection(a: Analysis): string[];
