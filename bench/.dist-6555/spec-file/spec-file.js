/**
 * One spec file, parsed: its data (plain JS, as written) and the line of
 * every node, by written path. A JSON file is read with JSON.parse and its
 * lines found by a scan of the text, only when a problem needs one
 * (json-scan.ts); JSON that does not parse goes through the YAML parser (JSON
 * is YAML) for its error and line. Every file is held to the input limits
 * (input-limits.ts): its nodes, and a YAML file's aliases.
 *
 * Paths are the keys as written, sequence items by index: `['tables',
 * 'leads', 'columns', 'score', 'type']`, `['ignore', '0', 'pattern']`. A map
 * entry's line is its key's line; a sequence item's line is where the item
 * starts.
 */
import { isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import { objectKey } from '../model/identifiers.js';
import { ALIAS_EXPANSION_FLOOR, aliasBomb, DEFAULT_INPUT_LIMITS, MAX_YAML_ALIASES, tooManyNodes } from './input-limits.js';
import { scanJson } from './json-scan.js';
import { isRecord } from './values.js';
/** `a.b.c`: a written path as shown in problems. */
export function joinPath(path) {
    return path.join('.');
}
/**
 * Parse one file. `isSqlText` says which written paths hold SQL text: their
 * number and boolean values are taken as written, so `default: 0` means the
 * expression `0`, `default: 1.50` the expression `1.50`. Throws an
 * `InvalidSpecError` (one line) when the file is over a limit.
 */
export function parseSpecFile(source, isSqlText, limits = DEFAULT_INPUT_LIMITS) {
    const { file, bytes } = source;
    const text = bytes.toString('utf8');
    const json = /\.json$/i.test(file) ? parseJson(file, text, isSqlText, limits) : undefined;
    const parsed = json ?? parseYaml(file, text, json === undefined && /\.json$/i.test(file) ? 'JSON' : 'YAML', isSqlText, limits);
    let lines;
    const lineOf = (path) => (lines ??= parsed.lines()).get(objectKey(...path));
    const locate = (path) => {
        for (let length = path.length; length > 0; length--) {
            const prefix = path.slice(0, length);
            const line = lineOf(prefix);
            if (line !== undefined)
                return { file, line, path: joinPath(prefix) };
        }
        return { file, line: 1, path: '' };
    };
    const { data, wellFormed, problems } = parsed;
    return { ...source, data: wellFormed ? data : undefined, wellFormed, problems, lineOf, locate };
}
/** A JSON file that JSON.parse reads; undefined when it does not (the YAML parser then says why, with the line). */
function parseJson(file, text, isSqlText, limits) {
    let data;
    try {
        data = text.trim() === '' ? {} : JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const problems = [];
    let nodes = 0;
    scanJson(text, {
        node() {
            if (++nodes > limits.maxNodes)
                throw tooManyNodes(file, limits);
        },
        duplicate(path, key, line, firstLine) {
            problems.push({ file, line, path: joinPath(path), message: `duplicate key '${key}' (first at line ${firstLine})` });
        },
        literal(path, written) {
            if (!isSqlText(path))
                return;
            let parent = data;
            for (const key of path.slice(0, -1))
                parent = parent[key];
            if (isRecord(parent))
                Object.defineProperty(parent, path[path.length - 1], { value: written, writable: true, enumerable: true, configurable: true });
        },
    });
    const lines = () => {
        const out = new Map();
        scanJson(text, { node: (path, line) => out.set(objectKey(...path), line) });
        return out;
    };
    return { data, wellFormed: true, problems, lines };
}
/** A YAML file (or JSON that JSON.parse refused). */
function parseYaml(file, text, kind, isSqlText, limits) {
    const lineCounter = new LineCounter();
    // Duplicate keys are found below, with their path and the first key's line.
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const problems = [];
    const lineAt = (offset) => lineCounter.linePos(offset).line;
    for (const error of doc.errors) {
        problems.push({ file, line: lineAt(error.pos[0]), path: '', message: `invalid ${kind}: ${error.message}` });
    }
    if (doc.errors.length > 0)
        return { data: undefined, wellFormed: false, problems, lines: () => new Map() };
    const walk = new YamlWalk(file, kind, doc, lineAt, isSqlText, limits, text.length, problems);
    walk.visit(doc.contents, [], 1, new Set());
    // The lines are asked for only when there is a problem to place: then the file is parsed again, not kept meanwhile.
    const lines = () => {
        const again = new LineCounter();
        const copy = parseDocument(text, { lineCounter: again, prettyErrors: false, uniqueKeys: false });
        const out = new Map();
        const at = (offset) => again.linePos(offset).line;
        new YamlWalk(file, kind, copy, at, isSqlText, limits, text.length, [], out).visit(copy.contents, [], 1, new Set());
        return out;
    };
    if (walk.badAlias)
        return { data: undefined, wellFormed: false, problems, lines };
    try {
        // The walk counted every node, aliases expanded: toJS makes no more than that.
        const data = doc.contents === null ? {} : doc.toJS({ maxAliasCount: -1 });
        return { data, wellFormed: true, problems, lines };
    }
    catch (err) {
        problems.push({ file, line: 1, path: '', message: `invalid ${kind}: ${err.message}` });
        return { data: undefined, wellFormed: false, problems, lines };
    }
}
/**
 * The walk of a YAML document: the line of every node, duplicate keys, SQL
 * text kept as written, and the limits — nodes (aliases expanded), aliases,
 * and how far aliases expand the file.
 */
class YamlWalk {
    file;
    kind;
    lineAt;
    isSqlText;
    limits;
    problems;
    lines;
    badAlias = false;
    nodes = 0;
    aliases = 0;
    expanded = 0;
    expansionLimit;
    /** What each alias refers to: the last node with its anchor before it, as YAML has it. */
    targets = new Map();
    constructor(file, kind, doc, lineAt, isSqlText, limits, length, problems, 
    /** Filled with the line of every node when given. */
    lines) {
        this.file = file;
        this.kind = kind;
        this.lineAt = lineAt;
        this.isSqlText = isSqlText;
        this.limits = limits;
        this.problems = problems;
        this.lines = lines;
        this.expansionLimit = Math.max(ALIAS_EXPANSION_FLOOR, 10 * length);
        // One pass, in document order (Alias.resolve searches the document for each alias).
        const anchors = new Map();
        visit(doc, {
            Node: (_key, node) => {
                if (isAlias(node))
                    this.targets.set(node, anchors.get(node.source));
                else if ((isScalar(node) || isCollection(node)) && node.anchor)
                    anchors.set(node.anchor, node);
            },
        });
    }
    count(inAlias) {
        if (++this.nodes > this.limits.maxNodes)
            throw tooManyNodes(this.file, this.limits);
        if (inAlias && ++this.expanded > this.expansionLimit) {
            throw aliasBomb(this.file, `its aliases expand it by more than ${this.expansionLimit} nodes (at most ten per byte of the file, or ${ALIAS_EXPANSION_FLOOR})`);
        }
    }
    visit(node, path, line, stack) {
        const { file, kind, problems } = this;
        if (isAlias(node)) {
            if (++this.aliases > MAX_YAML_ALIASES)
                throw aliasBomb(file, `its aliases are followed more than ${MAX_YAML_ALIASES} times, counting those inside expanded aliases`);
            const target = this.targets.get(node);
            if (target === undefined) {
                this.badAlias = true;
                problems.push({ file, line, path: joinPath(path), message: `invalid ${kind}: unresolved alias *${node.source}` });
            }
            else if (stack.has(target)) {
                this.badAlias = true;
                problems.push({ file, line, path: joinPath(path), message: `alias *${node.source} refers to itself` });
            }
            else {
                this.visit(target, path, line, new Set([...stack, target]));
            }
            return;
        }
        this.count(stack.size > 0);
        this.lines?.set(objectKey(...path), line);
        if (isMap(node))
            this.visitMap(node.items, path, line, stack);
        else if (isSeq(node)) {
            node.items.forEach((item, index) => {
                const itemLine = item?.range ? this.lineAt(item.range[0]) : line;
                this.visit(item, [...path, String(index)], itemLine, stack);
            });
        }
    }
    visitMap(items, path, line, stack) {
        const { file, problems } = this;
        const seen = new Map();
        for (const pair of items) {
            const key = pair.key;
            const keyLine = key?.range ? this.lineAt(key.range[0]) : line;
            let name;
            if (key === null || key === undefined)
                name = '';
            else if (isScalar(key))
                name = key.value === null ? '' : String(key.value);
            else {
                problems.push({ file, line: keyLine, path: joinPath(path), message: 'keys must be names, not lists or maps' });
                continue;
            }
            const first = seen.get(name);
            if (first !== undefined) {
                problems.push({ file, line: keyLine, path: joinPath(path), message: `duplicate key '${name}' (first at line ${first})` });
            }
            else {
                seen.set(name, keyLine);
            }
            const childPath = [...path, name];
            const value = pair.value;
            if (isScalar(value) && (typeof value.value === 'number' || typeof value.value === 'boolean') && this.isSqlText(childPath)) {
                value.value = value.source ?? String(value.value);
            }
            this.visit(value, childPath, keyLine, stack);
        }
    }
}
//# sourceMappingURL=spec-file.js.map