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
import { InvalidSpecError, UsageError, type ErrorCode } from '../errors.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';
import { checkSpecFragments, loadSpecSources, readSpecSources, specSha256 } from './load-spec.js';
import { SpecError } from './spec-error.js';
import type { SpecFileSource } from './spec-file.js';
import type { LoadedSpec, SourceLocation, SpecProblem } from './spec-types.js';

/** What the worker is given. */
export interface WorkerInput {
  readonly sources: readonly { readonly file: string; readonly name: string; readonly bytes: Uint8Array }[];
  readonly limits: InputLimits;
}

/** What the worker answers: the spec without its `locate` (a function), or what was wrong. */
export type WorkerAnswer =
  | { readonly kind: 'spec'; readonly spec: Omit<LoadedSpec, 'locate'> }
  | { readonly kind: 'problems'; readonly problems: readonly SpecProblem[] }
  | { readonly kind: 'error'; readonly code: ErrorCode | null; readonly message: string };

/** Old-generation heap of the worker, in MiB. */
export const WORKER_HEAP_MIB = 4096;

const WORKER = new URL('./load-spec-worker.js', import.meta.url);

/** The last spec loaded, by its bytes and limits: `audit` checks the spec before connecting, then uses it. */
let last: { readonly key: string; readonly spec: Promise<LoadedSpec> } | undefined;

/**
 * Load, merge and validate a spec, parsing in a worker thread, then check its
 * SQL fragments (checkSpecFragments, here: the parser is asynchronous).
 * Throws what {@link loadSpecChecked} throws.
 */
export function loadSpecAsync(source: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): Promise<LoadedSpec> {
  const sources = readSpecSources(source, limits);
  const key = `${specSha256(sources)}:${limits.maxBytes}:${limits.maxNodes}`;
  if (last?.key !== key) last = { key, spec: load(source, sources, limits).then(checkSpecFragments) };
  return last.spec;
}

async function load(source: string, sources: readonly SpecFileSource[], limits: InputLimits): Promise<LoadedSpec> {
  if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return loadSpecSources(sources, limits);
  const answer = await inWorker({ sources: sources.map(({ file, name, bytes }) => ({ file, name, bytes })), limits }, source);
  if (answer.kind === 'problems') throw new SpecError(answer.problems);
  if (answer.kind === 'error') {
    throw answer.code === 'usage' ? new UsageError(answer.message) : answer.code === 'spec' ? new InvalidSpecError(answer.message) : new Error(answer.message);
  }
  // Where a node was written is asked for only when PostgreSQL rejects one: then the files are parsed again, here.
  let locate: LoadedSpec['locate'] | undefined;
  return {
    ...answer.spec,
    locate: (path: readonly string[]): SourceLocation | undefined => (locate ??= loadSpecSources(sources, limits).locate)(path),
  } as LoadedSpec;
}

function inWorker(input: WorkerInput, source: string): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MIB } });
    let answer: WorkerAnswer | undefined;
    worker.once('message', (message: WorkerAnswer) => (answer = message));
    worker.once('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        reject(new UsageError(`${source}: parsing it needs more than ${WORKER_HEAP_MIB} MiB of memory; split it or make it smaller`, { cause: err }));
      } else {
        reject(err);
      }
    });
    worker.once('exit', (code) => {
      if (answer !== undefined) resolve(answer);
      else reject(new Error(`the spec parser stopped (exit code ${code}) without an answer`));
    });
  });
}
