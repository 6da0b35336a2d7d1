/**
 * Load an expected-schema spec: one `.yaml` / `.yml` / `.json` file, or a
 * directory of them (recursively), merged into one {@link LoadedSpec}
 * (merge-files.ts), and validated — structure per file against the spec's
 * JSON Schema (validate-spec.ts), then meaning across the merged spec
 * (check-spec.ts). Synchronous: it only reads local files.
 *
 * Every problem in every file is collected before anything is thrown: a
 * {@link SpecError} carries them all, sorted by file then line. A source that
 * cannot be read at all (missing, not a spec file, an empty directory, an
 * unreadable file) is a `UsageError`, like every other `--expected` source.
 */
import { createHash } from 'node:crypto';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { checkSpec } from './check-spec.js';
import { checkSpecSql } from './check-spec-sql.js';
import { DEFAULT_INPUT_LIMITS, readInputFile } from './input-limits.js';
import { assembleLoadedSpec } from './loaded-spec.js';
import { mergeFiles } from './merge-files.js';
import { MAP_SECTIONS } from './sections.js';
import { SpecError } from './spec-error.js';
import { parseSpecFile } from './spec-file.js';
import { matchesPath } from './spec-section.js';
import { validateStructure } from './validate-spec.js';
export { splitQualified, splitIdentifiers, qualifiedKey, NameError } from './names.js';
const SPEC_FILE = /\.(ya?ml|json)$/i;
function byCodeUnit(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * The files of a spec source, in load order, read. A directory contributes
 * every `*.yaml`, `*.yml` and `*.json` below it, sorted by relative path
 * (code-unit order, `/` separators); files and directories whose name starts
 * with a dot are skipped, and so is every other file.
 */
export function readSpecSources(source, limits = DEFAULT_INPUT_LIMITS) {
    let stat;
    try {
        stat = statSync(source);
    }
    catch {
        throw new UsageError(`spec not found: ${source}`);
    }
    // The files of one source share the byte limit.
    let used = 0;
    const read = (file) => {
        const bytes = readInputFile(file, limits, used);
        used += bytes.length;
        return bytes;
    };
    if (!stat.isDirectory()) {
        if (!SPEC_FILE.test(source))
            throw new UsageError(`${source} is not a spec: expected a .yaml, .yml or .json file, or a directory of them`);
        return [{ file: source, name: path.basename(source), bytes: read(source) }];
    }
    const found = [];
    const visited = new Set();
    const walk = (dir, prefix) => {
        const real = realpathSync(dir);
        if (visited.has(real))
            return; // a symlink loop
        visited.add(real);
        let entries;
        try {
            entries = readdirSync(dir);
        }
        catch (err) {
            throw new UsageError(`cannot read ${dir}: ${err.message}`, { cause: err });
        }
        for (const entry of entries) {
            if (entry.startsWith('.'))
                continue;
            const full = path.join(dir, entry);
            const name = prefix === '' ? entry : `${prefix}/${entry}`;
            let entryStat;
            try {
                entryStat = statSync(full);
            }
            catch {
                continue; // a dangling symlink
            }
            if (entryStat.isDirectory())
                walk(full, name);
            else if (entryStat.isFile() && SPEC_FILE.test(entry))
                found.push({ name, file: full });
        }
    };
    walk(source, '');
    if (found.length === 0)
        throw new UsageError(`no .yaml, .yml or .json files in ${source}`);
    found.sort((a, b) => byCodeUnit(a.name, b.name));
    return found.map(({ name, file }) => ({ file, name, bytes: read(file) }));
}
/** sha256 over each file's relative name and bytes, in load order. */
export function specSha256(sources) {
    const hash = createHash('sha256');
    for (const { name, bytes } of sources) {
        hash.update(name);
        hash.update(`\0${bytes.length}\0`);
        hash.update(bytes);
    }
    return hash.digest('hex');
}
/** Written paths whose numbers and booleans are SQL text: the map sections' `sqlText` paths below their objects. */
function isSqlTextPath(path) {
    const [key, , ...below] = path;
    const section = MAP_SECTIONS.find((s) => s.section.key === key)?.section;
    return (section?.sqlText ?? []).some((pattern) => matchesPath(pattern, below));
}
/**
 * Load, merge and validate a spec, but for its SQL fragments (see
 * {@link loadSpecChecked}). Throws a {@link SpecError} listing every
 * problem, or a `UsageError` when the source cannot be read.
 */
export function loadSpec(source, limits = DEFAULT_INPUT_LIMITS) {
    return loadSpecSources(readSpecSources(source, limits), limits);
}
/** {@link loadSpec} of files already read. */
export function loadSpecSources(sources, limits = DEFAULT_INPUT_LIMITS) {
    const files = sources.map((s) => parseSpecFile(s, isSqlTextPath, limits));
    const problems = files.flatMap((f) => f.problems);
    for (const file of files)
        if (file.wellFormed)
            problems.push(...validateStructure(file));
    const merged = mergeFiles(files, problems);
    const spec = assembleLoadedSpec({ files: files.map((f) => f.file), sha256: specSha256(sources), ...merged });
    // A file that does not parse leaves holes: checking references then would
    // only add noise, so the checks of meaning wait until every file parses.
    if (files.every((f) => f.wellFormed))
        problems.push(...checkSpec(spec));
    if (problems.length > 0)
        throw new SpecError(problems);
    return spec;
}
/**
 * Every SQL fragment of a loaded spec parsed as the one expression, type or
 * clause it stands for (check-spec-sql.ts): what must hold before the spec's
 * DDL goes anywhere near a database. Throws a {@link SpecError}.
 */
export async function checkSpecFragments(spec) {
    const problems = await checkSpecSql(spec);
    if (problems.length > 0)
        throw new SpecError(problems);
    return spec;
}
/** {@link loadSpec}, then {@link checkSpecFragments}, in this thread. */
export async function loadSpecChecked(source, limits = DEFAULT_INPUT_LIMITS) {
    return checkSpecFragments(loadSpec(source, limits));
}
//# sourceMappingURL=load-spec.js.map