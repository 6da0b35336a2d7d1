import { type DdlHooks, type DdlPhase, type DdlStatement } from './ddl-context.js';
import type { LoadedSpec } from './spec-types.js';
export type { DdlStatement } from './ddl-context.js';
/** The statements of each phase, in order; `hooks` let `modelToDdl` say what the spec cannot (see DdlHooks). */
export declare function specToDdlPhases(spec: LoadedSpec, hooks?: DdlHooks): Readonly<Record<DdlPhase, readonly DdlStatement[]>>;
/** Build the DDL for a loaded spec. Pure: the same spec always gives the same statements. */
export declare function specToDdl(spec: LoadedSpec): DdlStatement[];
