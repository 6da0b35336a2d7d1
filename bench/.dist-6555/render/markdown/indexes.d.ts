import { type Analysis } from './analysis.js';
/** `### Index Optimization Opportunities`. */
export declare function indexSection(a: Analysis): string[];
