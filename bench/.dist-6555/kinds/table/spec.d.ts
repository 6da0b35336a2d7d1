import { type MapSection } from '../../spec-file/spec-section.js';
import type { SpecTable } from './spec-node.js';
export type { SpecTable } from './spec-node.js';
/** The `tables:` section. */
export declare const TABLE_SPEC: MapSection<SpecTable>;
