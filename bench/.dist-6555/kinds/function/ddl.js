/**
 * The functions of a spec as DDL. A function is created with the other
 * objects, before the tables (defaults, checks and indexes may call it;
 * check_function_bodies is off while a spec loads, as in up.sql), unless
 * its signature may name a table's row type or its body is SQL-standard
 * (PostgreSQL resolves what such a body reads when the function is
 * created): those are created after every table and index, with the views.
 */
import { IDENTIFIER_PATTERN, unquoteIdent } from '../../model/identifiers.js';
import { splitQualified } from '../../spec-file/names.js';
import { overloadsOf } from './spec.js';
import { commentOnRoutineSql, createRoutineSql } from './sql.js';
/** A spec routine as the emitter takes it: PostgreSQL's defaults where the spec says nothing. */
export function specRoutineSource(schema, name, f) {
    const kind = f.kind ?? 'function';
    return {
        schema,
        name,
        kind,
        argumentList: f.arguments ?? '',
        returns: kind === 'procedure' ? null : (f.returns ?? null),
        language: f.language ?? 'sql',
        body: f.body ?? null,
        sqlBody: f.sqlBody ?? null,
        library: f.library ?? null,
        volatility: f.volatility ?? 'volatile',
        strict: f.strict ?? false,
        securityDefiner: f.securityDefiner ?? false,
        leakproof: f.leakproof ?? false,
        parallel: f.parallel ?? 'unsafe',
        cost: f.cost ?? null,
        rows: f.rows ?? null,
        config: Object.entries(f.set ?? {}).map(([variable, value]) => `${variable}=${value}`),
        aggregate: f.aggregate ?? null,
    };
}
/** Each routine of the spec with its path: `['functions', schema, name]`, and the overload's index for a list. */
function* specRoutines(ctx) {
    const relations = new Set([...ctx.tables.entries.values()].map((e) => e.name));
    const namesRelation = (text) => text !== undefined && [...text.matchAll(new RegExp(IDENTIFIER_PATTERN, 'g'))].some((m) => relations.has(unquoteIdent(m[0])));
    for (const [key, entry] of ctx.spec.functions) {
        const { schema, name } = splitQualified(key, 'public');
        const list = overloadsOf(entry);
        for (const [i, f] of list.entries()) {
            const path = Array.isArray(entry) ? ['functions', schema, name, String(i)] : ['functions', schema, name];
            const late = f.sqlBody !== undefined || namesRelation(f.arguments) || namesRelation(f.returns) || f.kind === 'aggregate';
            yield { source: specRoutineSource(schema, name, f), path, description: f.description, late };
        }
    }
}
/** Routines that name no table: with the other objects, before the tables. */
export function functionObjects(ctx) {
    return [...specRoutines(ctx)].filter((r) => !r.late).map((r) => ({ sql: createRoutineSql(r.source), path: r.path }));
}
/**
 * Routines whose signature may name a table's row type, SQL-standard bodies
 * and aggregates (their support functions may be of either group): after
 * the tables and indexes, before the views.
 */
export function lateFunctionObjects(ctx) {
    return [...specRoutines(ctx)].filter((r) => r.late).map((r) => ({ sql: createRoutineSql(r.source), path: r.path }));
}
export function functionComments(ctx) {
    const out = [];
    for (const r of specRoutines(ctx)) {
        if (r.description === undefined)
            continue;
        // COMMENT ON names a routine by its argument list: the full list is accepted (names, modes and defaults are ignored).
        const target = { ...r.source };
        out.push({ sql: commentOnRoutineSql(target.kind, target.schema, target.name, argumentTypesOnly(target.argumentList), r.description), path: [...r.path, 'description'] });
    }
    return out;
}
/**
 * The arguments of a list, each at a top-level comma, cut at its first
 * top-level `DEFAULT` or `=`. Quotes (`'…'`, `"…"`, `$tag$…$tag$`) and
 * brackets are skipped whole; the list was parsed as one argument list
 * before (a spec's fragments are checked; a model's comes from a server),
 * so they are balanced.
 */
export function splitArguments(argumentList) {
    const args = [];
    let depth = 0;
    let start = 0;
    let cut = -1;
    const close = (end) => {
        args.push({ head: argumentList.slice(start, cut === -1 ? end : cut).trim(), hasDefault: cut !== -1 });
        cut = -1;
    };
    for (let i = 0; i < argumentList.length; i++) {
        const ch = argumentList[i];
        if (ch === "'" || ch === '"') {
            const end = argumentList.indexOf(ch, i + 1);
            i = end === -1 ? argumentList.length : end; // a doubled quote is two runs: the same skip
        }
        else if (ch === '$') {
            const tag = /^\$[A-Za-z_]*\$/.exec(argumentList.slice(i))?.[0];
            if (tag) {
                const end = argumentList.indexOf(tag, i + tag.length);
                i = end === -1 ? argumentList.length : end + tag.length - 1;
            }
        }
        else if (ch === '(' || ch === '[')
            depth++;
        else if (ch === ')' || ch === ']')
            depth--;
        else if (depth === 0 && ch === ',') {
            close(i);
            start = i + 1;
        }
        else if (depth === 0 && cut === -1 && (ch === '=' || (/^default\b/i.test(argumentList.slice(i)) && /[\s)\]]$/.test(argumentList.slice(0, i))))) {
            cut = i;
        }
    }
    if (argumentList.trim() !== '')
        close(argumentList.length);
    return args;
}
/** An argument list without its DEFAULT clauses (COMMENT ON and DROP take none). */
export function argumentTypesOnly(argumentList) {
    return splitArguments(argumentList)
        .map((a) => a.head)
        .join(', ');
}
//# sourceMappingURL=ddl.js.map