/**
 * Limits on what schema-audit reads from files, so a hostile or broken input
 * fails fast with one line instead of exhausting memory or time: the bytes
 * of every input file (spec files together, a snapshot document, SQL
 * files), the nodes of a spec file (its values, YAML aliases expanded), and
 * YAML aliases (how many, and how far they may expand a small document).
 *
 * The defaults hold a spec of tens of thousands of tables; `--max-input-mib`
 * / `SCHEMA_AUDIT_MAX_INPUT_MIB` and `--max-spec-nodes` /
 * `SCHEMA_AUDIT_MAX_SPEC_NODES` raise them.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InvalidSpecError, UsageError } from '../errors.js';
const MIB = 1024 * 1024;
/** 32 MiB: about 20 000 tables of 20 columns as YAML; 2 000 000 nodes: the same. */
export const DEFAULT_INPUT_LIMITS = { maxBytes: 32 * MIB, maxNodes: 2_000_000 };
/** Alias nodes a YAML file may hold. */
export const MAX_YAML_ALIASES = 10_000;
/** Nodes that aliases may add to a file: this many, or ten per byte of the file when more (still within `maxNodes`). */
export const ALIAS_EXPANSION_FLOOR = 100_000;
const HOW_TO_RAISE = {
    maxBytes: 'raise it with --max-input-mib or SCHEMA_AUDIT_MAX_INPUT_MIB',
    maxNodes: 'raise it with --max-spec-nodes or SCHEMA_AUDIT_MAX_SPEC_NODES',
};
function positiveInteger(value, what) {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n <= 0)
        throw new RangeError(`${what} must be a positive whole number, not "${value}"`);
    return n;
}
/**
 * The limits from the command line's values (undefined: not given), else the
 * environment, else the defaults. Throws a RangeError naming the bad value.
 */
export function inputLimits(given, env) {
    const pick = (flag, flagName, envName) => {
        if (flag !== undefined)
            return positiveInteger(String(flag), flagName);
        const fromEnv = env[envName];
        return fromEnv !== undefined && fromEnv !== '' ? positiveInteger(fromEnv, envName) : undefined;
    };
    const mib = pick(given.maxInputMib, '--max-input-mib', 'SCHEMA_AUDIT_MAX_INPUT_MIB');
    const nodes = pick(given.maxSpecNodes, '--max-spec-nodes', 'SCHEMA_AUDIT_MAX_SPEC_NODES');
    return {
        maxBytes: mib === undefined ? DEFAULT_INPUT_LIMITS.maxBytes : mib * MIB,
        maxNodes: nodes ?? DEFAULT_INPUT_LIMITS.maxNodes,
    };
}
function mib(bytes) {
    return `${Math.round((bytes / MIB) * 10) / 10} MiB`;
}
/** Refuse `bytes` more bytes of input when `used` were read already. */
export function checkInputBytes(what, used, bytes, limits) {
    if (used + bytes > limits.maxBytes) {
        const size = used === 0 ? `is ${mib(bytes)}` : `would bring the input to ${mib(used + bytes)}`;
        throw new UsageError(`${what} ${size}, over the limit of ${mib(limits.maxBytes)} of input; ${HOW_TO_RAISE.maxBytes}`);
    }
}
/**
 * Read a whole input file, refusing one over the limit before reading it
 * (and one that grows past it while read: a pipe or a file being written).
 * `used`: bytes of the same input read before.
 */
export function readInputFile(file, limits, used = 0) {
    let fd;
    try {
        fd = openSync(file, 'r');
    }
    catch (err) {
        throw new UsageError(`cannot read ${file}: ${err.message}`, { cause: err });
    }
    try {
        const size = fstatSync(fd).size;
        checkInputBytes(file, used, size, limits);
        const chunks = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(size - total + 1, 16 * MIB)));
            const n = readSync(fd, chunk, 0, chunk.length, null);
            if (n === 0)
                break;
            total += n;
            checkInputBytes(file, used, total, limits);
            chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
        }
        return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    }
    catch (err) {
        if (err instanceof UsageError)
            throw err;
        throw new UsageError(`cannot read ${file}: ${err.message}`, { cause: err });
    }
    finally {
        closeSync(fd);
    }
}
/** A spec file with more nodes than the limit. */
export function tooManyNodes(file, limits) {
    return new InvalidSpecError(`${file} has more than ${limits.maxNodes} nodes (maps, lists and values, YAML aliases expanded); ${HOW_TO_RAISE.maxNodes}`);
}
/** A YAML file whose aliases are too many or expand too far. */
export function aliasBomb(file, detail) {
    return new InvalidSpecError(`${file}: ${detail} (refused: a YAML alias bomb expands a small file into a huge one)`);
}
//# sourceMappingURL=input-limits.js.map