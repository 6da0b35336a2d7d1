import type { DdlContext, DdlStatement, IdentitySequence } from '../../spec-file/ddl-context.js';
import type { LoadedSpec, SpecSequence } from '../../spec-file/spec-types.js';
import { type SequenceOptions } from './sql.js';
/** A spec sequence's options as SQL numbers. */
export declare function specSequenceOptions(s: SpecSequence): SequenceOptions;
/** The sequences that belong to an identity column, by objectKey(table key, column). */
export declare function identitySequences(spec: LoadedSpec): ReadonlyMap<string, IdentitySequence>;
export declare function sequenceObjects(ctx: DdlContext): DdlStatement[];
/** OWNED BY of serial-style sequences, once their tables exist. */
export declare function sequenceLinks(ctx: DdlContext): DdlStatement[];
