import { type MapSection, type Mutable } from '../../spec-file/spec-section.js';
import type { Sequence } from './model.js';
/** A sequence as a spec writes it. */
export interface SpecSequence {
    /** smallint, integer or bigint (default bigint). */
    readonly type?: string;
    readonly start?: number | string;
    readonly increment?: number | string;
    readonly min?: number | string;
    readonly max?: number | string;
    readonly cache?: number | string;
    readonly cycle?: boolean;
    /** `table.column` or `schema.table.column` that owns the sequence. */
    readonly ownedBy?: string;
}
/** Sequence options that differ from CREATE SEQUENCE's defaults for the sequence's type. */
export declare function sequenceOptions(s: Sequence): Mutable<SpecSequence>;
/** The `sequences:` section. */
export declare const SEQUENCE_SPEC: MapSection<SpecSequence>;
