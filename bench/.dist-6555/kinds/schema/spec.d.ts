import type { ListSection } from '../../spec-file/spec-section.js';
/** The `schemas:` section. */
export declare const SCHEMA_SPEC: ListSection;
