/**
 * Merging the files of a spec, section by section, and finding where each
 * node was written. Each object of a map section (enums, tables, ...) is
 * defined in exactly one file (a second definition, even spelt differently
 * — `leads` and `public.leads` —, is a problem naming both places); list
 * sections (`extensions`, `schemas`) are unions in first-seen order;
 * `ignore` lists are concatenated in load order; `severity` maps are merged
 * (two files giving one kind different severities is a problem).
 */
import { setOwn } from '../model/own.js';
import { loadedNode } from './loaded-spec.js';
import { qualifiedKey, splitIdentifiers, splitQualified } from './names.js';
import { LIST_SECTIONS, MAP_SECTIONS } from './sections.js';
import { listItemName } from './spec-section.js';
import { isRecord } from './values.js';
/** The file's default schema for unqualified names (`schema:`, else `public`). */
function defaultSchemaOf(file, data, problems) {
    if (typeof data.schema !== 'string' || data.schema === '')
        return 'public';
    try {
        const parts = splitIdentifiers(data.schema);
        if (parts.length === 1)
            return parts[0];
        problems.push({ ...file.locate(['schema']), message: `expected one schema name, got ${parts.length} parts` });
    }
    catch (err) {
        problems.push({ ...file.locate(['schema']), message: `invalid schema name: ${err.message}` });
    }
    return 'public';
}
const at = (origin) => {
    const { file, line } = origin.file.locate(origin.path);
    return `${file}:${line}`;
};
/** What merging collects, file after file. */
class Merger {
    problems;
    defined = new Map(MAP_SECTIONS.map(({ section }) => [section.key, new Map()]));
    nouns = new Map(MAP_SECTIONS.map(({ kind, section }) => [section.key, kind.noun.one]));
    lists = new Map(LIST_SECTIONS.map(({ section }) => [section.key, []]));
    listOrigins = new Map(LIST_SECTIONS.map(({ section }) => [section.key, []]));
    ignore = [];
    severity = {};
    severityOrigin = new Map();
    constructor(problems) {
        this.problems = problems;
    }
    /** The objects of the file's map sections: each defined once across files. */
    addObjects(file, data, defaultSchema) {
        for (const [key, defined] of this.defined) {
            const objects = data[key];
            if (!isRecord(objects))
                continue;
            for (const [written, value] of Object.entries(objects)) {
                const writtenPath = [key, written];
                let q;
                try {
                    q = splitQualified(written, defaultSchema);
                }
                catch (err) {
                    this.problems.push({ ...file.locate(writtenPath), message: `invalid name: ${err.message}` });
                    continue;
                }
                const qualified = qualifiedKey(q.schema, q.name);
                const previous = defined.get(qualified);
                if (previous !== undefined) {
                    const where = at({ file: previous.file, path: [key, previous.written] });
                    this.problems.push({ ...file.locate(writtenPath), message: `${this.nouns.get(key)} ${qualified} is already defined at ${where}` });
                    continue;
                }
                defined.set(qualified, { schema: q.schema, name: q.name, value, file, written });
            }
        }
    }
    /** The file's ignore rules, severities and list sections. */
    addRules(file, data) {
        if (Array.isArray(data.ignore)) {
            data.ignore.forEach((rule, index) => this.ignore.push({ rule: rule, origin: { file, path: ['ignore', String(index)] } }));
        }
        if (isRecord(data.severity)) {
            for (const [kind, value] of Object.entries(data.severity)) {
                const origin = { file, path: ['severity', kind] };
                const previous = this.severityOrigin.get(kind);
                if (previous === undefined) {
                    setOwn(this.severity, kind, value);
                    this.severityOrigin.set(kind, origin);
                }
                else if (this.severity[kind] !== value) {
                    this.problems.push({
                        ...file.locate(origin.path),
                        message: `severity of ${kind} is already set to ${JSON.stringify(this.severity[kind])} at ${at(previous)}`,
                    });
                }
            }
        }
        for (const [key, names] of this.lists) {
            const items = data[key];
            if (!Array.isArray(items))
                continue;
            const origins = this.listOrigins.get(key) ?? [];
            items.forEach((item, index) => {
                const name = typeof item === 'string' ? item : isRecord(item) && typeof item.name === 'string' ? item.name : undefined;
                if (name === undefined || names.some((n) => listItemName(n) === name))
                    return;
                names.push(item);
                origins.push({ file, path: [key, String(index)] });
            });
        }
    }
}
/** Where a node was written, by its logical path (see `LoadedSpec.locate`). */
function locator(files, merger) {
    const firstWriting = (key) => files.find((f) => f.lineOf([key]) !== undefined);
    const indexed = (section, origins, rest) => {
        const [index, ...below] = rest;
        const origin = index !== undefined && /^\d+$/.test(index) ? origins[Number(index)] : undefined;
        if (origin !== undefined)
            return origin.file.locate([...origin.path, ...below]);
        return firstWriting(section)?.locate([section]);
    };
    return (logical) => {
        const [section, ...rest] = logical;
        if (section === undefined)
            return undefined;
        const objects = merger.defined.get(section);
        if (objects !== undefined) {
            const [schema, name, ...below] = rest;
            if (schema !== undefined && name !== undefined) {
                const object = objects.get(qualifiedKey(schema, name));
                if (object !== undefined)
                    return object.file.locate([section, object.written, ...below]);
            }
            if (schema !== undefined) {
                for (const object of objects.values())
                    if (object.schema === schema)
                        return object.file.locate([section]);
            }
            return firstWriting(section)?.locate([section]);
        }
        if (section === 'ignore')
            return indexed(section, merger.ignore.map((i) => i.origin), rest);
        const listOrigins = merger.listOrigins.get(section);
        if (listOrigins !== undefined)
            return indexed(section, listOrigins, rest);
        if (section === 'severity' && rest[0] !== undefined) {
            const origin = merger.severityOrigin.get(rest[0]);
            if (origin !== undefined)
                return origin.file.locate([...origin.path, ...rest.slice(1)]);
        }
        return firstWriting(section)?.locate(logical);
    };
}
/** Merge the well-formed files' sections, in load order; problems found are added to `problems`. */
export function mergeFiles(files, problems) {
    const merger = new Merger(problems);
    for (const file of files) {
        if (!file.wellFormed || !isRecord(file.data))
            continue;
        const defaultSchema = defaultSchemaOf(file, file.data, problems);
        merger.addObjects(file, file.data, defaultSchema);
        merger.addRules(file, file.data);
    }
    const maps = new Map(MAP_SECTIONS.map(({ section }) => {
        const defined = merger.defined.get(section.key) ?? new Map();
        return [section.key, new Map([...defined].map(([key, object]) => [key, loadedNode(section, object.value)]))];
    }));
    return {
        maps,
        lists: merger.lists,
        ignore: merger.ignore.map((i) => i.rule),
        severity: merger.severity,
        locate: locator(files, merger),
    };
}
//# sourceMappingURL=merge-files.js.map