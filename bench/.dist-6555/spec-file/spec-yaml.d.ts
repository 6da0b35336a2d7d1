import type { SpecFile } from './spec-types.js';
/**
 * A spec file as text. YAML is written for review: one line per column, index,
 * sequence and constraint (YAML flow style `{ type: uuid, nullable: false }`),
 * a blank line between tables, nothing folded, and a header saying where the
 * file came from — without a date, so the same schema always gives the same
 * bytes and a snapshot committed twice shows no diff.
 */
export declare const SPEC_HEADER: string;
/** The spec as YAML, each kind's section laid out as its `layout` says. */
export declare function renderSpecYaml(spec: SpecFile): string;
/** The spec as JSON: two-space indented, final newline; key order is the spec's. */
export declare function renderSpecJson(spec: SpecFile): string;
