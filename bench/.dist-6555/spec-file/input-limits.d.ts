import { InvalidSpecError } from '../errors.js';
export interface InputLimits {
    /** Bytes of input: each spec source (all its files together), snapshot document or SQL source. */
    readonly maxBytes: number;
    /** Nodes (maps, lists, scalars) of one spec file, YAML aliases expanded. */
    readonly maxNodes: number;
}
/** 32 MiB: about 20 000 tables of 20 columns as YAML; 2 000 000 nodes: the same. */
export declare const DEFAULT_INPUT_LIMITS: InputLimits;
/** Alias nodes a YAML file may hold. */
export declare const MAX_YAML_ALIASES = 10000;
/** Nodes that aliases may add to a file: this many, or ten per byte of the file when more (still within `maxNodes`). */
export declare const ALIAS_EXPANSION_FLOOR = 100000;
/**
 * The limits from the command line's values (undefined: not given), else the
 * environment, else the defaults. Throws a RangeError naming the bad value.
 */
export declare function inputLimits(given: {
    maxInputMib?: unknown;
    maxSpecNodes?: unknown;
}, env: NodeJS.ProcessEnv): InputLimits;
/** Refuse `bytes` more bytes of input when `used` were read already. */
export declare function checkInputBytes(what: string, used: number, bytes: number, limits: InputLimits): void;
/**
 * Read a whole input file, refusing one over the limit before reading it
 * (and one that grows past it while read: a pipe or a file being written).
 * `used`: bytes of the same input read before.
 */
export declare function readInputFile(file: string, limits: InputLimits, used?: number): Buffer;
/** A spec file with more nodes than the limit. */
export declare function tooManyNodes(file: string, limits: InputLimits): InvalidSpecError;
/** A YAML file whose aliases are too many or expand too far. */
export declare function aliasBomb(file: string, detail: string): InvalidSpecError;
