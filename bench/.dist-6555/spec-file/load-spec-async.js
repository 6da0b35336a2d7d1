/**
 * {@link loadSpec} off the main thread, for the CLI: the files are read here
 * (within the input limits), then parsed, merged and checked in a worker
 * thread (load-spec-worker.ts), so a signal is acted on at once however long
 * a parse takes — the process exits and the worker with it. The worker's
 * heap is capped: a spec that needs more memory than that to parse is
 * refused with one line. Run from the TypeScript sources (the unit tests),
 * where there is no worker script, it loads in this thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InvalidSpecError, UsageError } from '../errors.js';
import { DEFAULT_INPUT_LIMITS } from './input-limits.js';
import { checkSpecFragments, loadSpecSources, readSpecSources, specSha256 } from './load-spec.js';
import { SpecError } from './spec-error.js';
/** Old-generation heap of the worker, in MiB. */
export const WORKER_HEAP_MIB = 4096;
const WORKER = new URL('./load-spec-worker.js', import.meta.url);
/** The last spec loaded, by its bytes and limits: `audit` checks the spec before connecting, then uses it. */
let last;
/**
 * Load, merge and validate a spec, parsing in a worker thread, then check its
 * SQL fragments (checkSpecFragments, here: the parser is asynchronous).
 * Throws what {@link loadSpecChecked} throws.
 */
export function loadSpecAsync(source, limits = DEFAULT_INPUT_LIMITS) {
    const sources = readSpecSources(source, limits);
    const key = `${specSha256(sources)}:${limits.maxBytes}:${limits.maxNodes}`;
    if (last?.key !== key)
        last = { key, spec: load(source, sources, limits).then(checkSpecFragments) };
    return last.spec;
}
async function load(source, sources, limits) {
    if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER)))
        return loadSpecSources(sources, limits);
    const answer = await inWorker({ sources: sources.map(({ file, name, bytes }) => ({ file, name, bytes })), limits }, source);
    if (answer.kind === 'problems')
        throw new SpecError(answer.problems);
    if (answer.kind === 'error') {
        throw answer.code === 'usage' ? new UsageError(answer.message) : answer.code === 'spec' ? new InvalidSpecError(answer.message) : new Error(answer.message);
    }
    // Where a node was written is asked for only when PostgreSQL rejects one: then the files are parsed again, here.
    let locate;
    return {
        ...answer.spec,
        locate: (path) => (locate ??= loadSpecSources(sources, limits).locate)(path),
    };
}
function inWorker(input, source) {
    return new Promise((resolve, reject) => {
        const worker = new Worker(WORKER, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MIB } });
        let answer;
        worker.once('message', (message) => (answer = message));
        worker.once('error', (err) => {
            if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
                reject(new UsageError(`${source}: parsing it needs more than ${WORKER_HEAP_MIB} MiB of memory; split it or make it smaller`, { cause: err }));
            }
            else {
                reject(err);
            }
        });
        worker.once('exit', (code) => {
            if (answer !== undefined)
                resolve(answer);
            else
                reject(new Error(`the spec parser stopped (exit code ${code}) without an answer`));
        });
    });
}
//# sourceMappingURL=load-spec-async.js.map