import type { LoadedSpec, SpecFile } from './spec-types.js';
/**
 * A spec built in code (by `modelToSpec`, or by hand in a test) as a
 * {@link LoadedSpec}, the shape `specToDdl` takes: keys qualified the way the
 * loader qualifies them (`public."Lead Notes"`), each node as the loader
 * hands it on (a partition without `columns` given an empty map).
 *
 * Not validated and without source locations (`locate` finds nothing): the
 * spec is trusted, as one `modelToSpec` wrote from a live database is. A
 * spec a person wrote goes through `loadSpec` instead.
 */
export declare function inMemorySpec(file: SpecFile, name?: string): LoadedSpec;
