import { addDomainConstraintSql } from '../kinds/domain/sql.js';
import { commentOnConstraintSql, constraintDefinitionSql, validateConstraintSql } from '../kinds/constraint/sql.js';
import { commentOnIndexSql, setIndexStorageSql } from '../kinds/index/sql.js';
import { commentOnSchemaSql } from '../kinds/schema/sql.js';
import { commentOnSql } from '../kinds/comment/sql.js';
import { commentOnExtensionSql } from '../kinds/extension/sql.js';
import { qualifiedName } from '../model/identifiers.js';
import { defaultNames, indexColumnNames } from '../model/naming.js';
import { redactCredentials } from '../redact.js';
import { safeSql, sqlCommentLine } from '../safe-text.js';
import { inMemorySpec } from '../spec-file/in-memory-spec.js';
import { modelToSpec, oneLine } from '../spec-file/model-to-spec.js';
import { qualifiedKey } from '../spec-file/names.js';
import { specToDdlPhases } from '../spec-file/spec-to-ddl.js';
/** The comment PostgreSQL gives the `public` schema of every new database. */
const STOCK_PUBLIC_COMMENT = 'standard public schema';
const NOT_VALID_SUFFIX = / NOT VALID$/;
export function modelToDdl(model, options = {}) {
    const inScope = (schema) => !options.schemas || options.schemas.includes(schema);
    // NOT VALID domain checks are held back from CREATE DOMAIN and added after it.
    const laterChecks = new Map();
    const domains = model.domains.map((d) => {
        const notValid = d.checks.filter((c) => NOT_VALID_SUFFIX.test(c.definition));
        if (notValid.length === 0)
            return d;
        laterChecks.set(qualifiedKey(d.schema, d.name), notValid);
        return { ...d, checks: d.checks.filter((c) => !notValid.includes(c)) };
    });
    const spec = inMemorySpec(modelToSpec({ ...model, domains }, options.schemas ? { schemas: options.schemas } : {}));
    const tables = new Map(model.tables.map((t) => [qualifiedKey(t.schema, t.name), t]));
    const phases = specToDdlPhases(spec, modelHooks(model, tables, laterChecks));
    const all = [
        ...[...phases.objects, ...phases.constraints, ...phases.links, ...phases.indexes, ...phases.views].map((s) => s.sql),
        ...validatedCopies(model, tables, inScope),
        ...constraintIndexOptions(model, inScope),
        // Views after every key (a GROUP BY may rely on a primary key), each after the views it reads.
        ...phases.views.map((s) => s.sql),
        ...phases.triggers.map((s) => s.sql),
        ...phases.comments.map((s) => s.sql),
        ...missingComments(model, inScope),
    ];
    // A schema for two extensions, an index comment the spec wrote too: once.
    return [...new Set(all)];
}
/** What the model says that its spec cannot, for the DDL builders (see the module comment). */
function modelHooks(model, tables, laterChecks) {
    const extensions = new Map(model.extensions.map((e) => [e.name, e]));
    return {
        extension(name) {
            const e = extensions.get(name);
            if (e === undefined)
                return undefined;
            const own = e.schema !== 'public' && e.schema !== 'pg_catalog';
            return { options: { schema: e.schema, ...(e.version !== null ? { version: e.version } : {}), cascade: true }, schema: own ? e.schema : null };
        },
        afterDomain: (schema, name) => (laterChecks.get(qualifiedKey(schema, name)) ?? []).map((c) => addDomainConstraintSql(schema, name, c.name, c.definition)),
        columns(schema, name) {
            const t = tables.get(qualifiedKey(schema, name));
            return t && new Map(t.columns.map((c) => [c.name, { position: c.position, virtual: c.generated?.kind === 'virtual' }]));
        },
        constraint(schema, name, node) {
            const t = tables.get(qualifiedKey(schema, name));
            const c = t?.constraints.find((x) => x.kind !== node.kind ? false : node.name !== undefined ? x.name === node.name : x.name === defaultNameOf(t, x) && describes(node, x));
            return c && { name: c.name, body: constraintDefinitionSql(c) };
        },
    };
}
/**
 * VALIDATE CONSTRAINT for a partition's copy of a NOT VALID check or foreign
 * key of its parent that the model has validated: the copy of a partition
 * attached after the parent's constraint was added is valid, but the DDL
 * adds constraints after every partition exists, so each copy would follow
 * the parent. (Validating a copy validates its own partitions' copies.)
 */
function validatedCopies(model, tables, inScope) {
    const out = [];
    for (const t of model.tables) {
        const parent = t.partitionOf ? tables.get(qualifiedKey(t.partitionOf.schema, t.partitionOf.table)) : undefined;
        if (!parent || !inScope(t.schema))
            continue;
        for (const c of t.constraints) {
            const original = parent.constraints.find((p) => p.name === c.name && p.kind === c.kind);
            if (c.validated && original && !original.validated && (c.kind === 'check' || c.kind === 'foreign_key')) {
                out.push(validateConstraintSql(t.schema, t.name, c.name));
            }
        }
    }
    return out;
}
/**
 * ALTER INDEX ... SET (...) for the storage parameters of an index backing a
 * primary key, unique or exclusion constraint: pg_get_constraintdef leaves
 * them out (the other indexes' come through the spec's `sql` form).
 * Known limitation: not for a partitioned table, whose index takes no SET.
 */
function constraintIndexOptions(model, inScope) {
    const out = [];
    for (const t of model.tables) {
        if (!inScope(t.schema) || t.kind === 'partitioned_table')
            continue;
        for (const i of t.indexes) {
            const parameters = i.constraint !== null ? /\) WITH \(([^()]*)\)/.exec(i.definition)?.[1] : undefined;
            if (parameters)
                out.push(setIndexStorageSql(t.schema, i.name, parameters));
        }
    }
    return out;
}
// -- constraints ---------------------------------------------------------------
const sameColumns = (a, b) => a.length === b.length && a.every((c, i) => c === b[i]);
/** For an unnamed spec node: does it describe `c` (its columns, or the check's expression)? */
function describes(node, c) {
    switch (node.kind) {
        case 'primary_key':
            return true;
        case 'exclusion':
            return false; // always named
        case 'check':
            if (node.check)
                return c.kind === 'check' && oneLine(c.expression) === node.check.expression && c.noInherit === node.check.noInherit;
            return node.columns !== undefined && sameColumns(c.columns, node.columns);
        default:
            return node.columns !== undefined && sameColumns(c.columns, node.columns);
    }
}
/**
 * The name PostgreSQL gives `c` created unnamed on `table` (before numbering),
 * as modelToSpec reckons it; null for an exclusion (the spec always names one).
 */
function defaultNameOf(table, c) {
    switch (c.kind) {
        case 'primary_key':
            return defaultNames.primaryKey(table.name);
        case 'unique': {
            // named after the index's columns, INCLUDE columns too
            const index = table.indexes.find((i) => i.name === c.name);
            return defaultNames.unique(table.name, index ? indexColumnNames(index.keys, index.include) : c.columns);
        }
        case 'foreign_key':
            return defaultNames.foreignKey(table.name, c.columns);
        case 'check':
            return defaultNames.check(table.name, c.columns);
        case 'exclusion':
            return null;
    }
}
// -- comments --------------------------------------------------------------------
/**
 * COMMENT statements for what the spec has no description for: constraints,
 * indexes (the spec comments those it lists, in the same words, so the
 * caller drops repeats), schemas.
 */
function missingComments(model, inScope) {
    const out = [];
    for (const s of model.schemas) {
        if (!inScope(s.name) || s.comment === null || (s.name === 'public' && s.comment === STOCK_PUBLIC_COMMENT))
            continue;
        out.push(commentOnSchemaSql(s.name, s.comment));
    }
    // An extension's comment is its control file's unless changed: written either way (CREATE EXTENSION set it already).
    for (const e of model.extensions)
        if (e.comment !== null && inScope(e.schema))
            out.push(commentOnExtensionSql(e.name, e.comment));
    for (const q of model.sequences)
        if (q.comment !== null && inScope(q.schema))
            out.push(commentOnSql(`SEQUENCE ${qualifiedName(q.schema, q.name)}`, q.comment));
    for (const t of model.tables) {
        if (!inScope(t.schema))
            continue;
        for (const c of t.constraints)
            if (c.comment !== null)
                out.push(commentOnConstraintSql(t.schema, t.name, c.name, c.comment));
        for (const i of t.indexes)
            if (i.comment !== null)
                out.push(commentOnIndexSql(t.schema, i.name, i.comment));
    }
    return out;
}
/**
 * The statements as a script for `psql -v ON_ERROR_STOP=1 -f FILE`: a
 * comment header, the session settings the statements assume (UTF-8 client
 * encoding, standard strings, the search_path the model's SQL text was
 * printed under), then each statement with its `;` and a blank line.
 * Deterministic: the same statements and header give the same bytes.
 */
export function renderDdlScript(statements, header) {
    const head = [
        // Every line that carries outside text goes through the one comment helper (src/safe-text.ts).
        sqlCommentLine(`The schema of ${redactCredentials(header.source)}, as DDL.`),
        sqlCommentLine(`Written by schema-audit ${header.toolVersion}${header.generatedAt !== undefined ? ` at ${header.generatedAt}` : ''}.`),
        '--',
        '-- Holds schemas, extensions, enums, domains, sequences, functions, tables',
        '-- (columns, constraints, indexes, partitions, comments), views and triggers; not',
        '-- event triggers, owners, grants, policies or data.',
        '-- Load it into an empty database: psql -v ON_ERROR_STOP=1 -f FILE',
        '',
        "SET client_encoding = 'UTF8';",
        'SET standard_conforming_strings = on;',
        '-- The SQL text below was printed by PostgreSQL under this search_path.',
        'SET search_path = pg_catalog, public;',
        '-- As pg_dump: a function body may name a table created after it.',
        'SET check_function_bodies = false;',
        '',
    ];
    return [...head.map((line) => `${line}\n`), ...statements.map((s) => `${safeSql(s)};\n\n`)].join('');
}
//# sourceMappingURL=model-to-ddl.js.map