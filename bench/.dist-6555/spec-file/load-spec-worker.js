/**
 * The worker thread that parses, merges and checks a spec for
 * `loadSpecAsync` (load-spec-async.ts): a large file takes a while to parse,
 * and parsing off the main thread keeps the process answering Ctrl-C and
 * SIGTERM meanwhile. It receives the files as read and answers with the
 * loaded spec's data, or what was wrong.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AuditError } from '../errors.js';
import { loadSpecSources } from './load-spec.js';
import { SpecError } from './spec-error.js';
const input = workerData;
let answer;
try {
    const sources = input.sources.map((s) => ({ ...s, bytes: Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength) }));
    const { locate: _locate, ...spec } = loadSpecSources(sources, input.limits);
    answer = { kind: 'spec', spec };
}
catch (err) {
    if (err instanceof SpecError)
        answer = { kind: 'problems', problems: err.problems };
    else if (err instanceof AuditError)
        answer = { kind: 'error', code: err.code, message: err.message };
    else
        answer = { kind: 'error', code: null, message: err?.message ?? String(err) };
}
parentPort.postMessage(answer);
//# sourceMappingURL=load-spec-worker.js.map