/**
 * The plan's part for extensions: the missing ones created first (in the
 * `schemas` phase, before any type, table or column that may use them),
 * versions updated and schemas moved there too, unexpected ones dropped
 * last (`drop_extensions`, after everything that may use them), never with
 * CASCADE.
 */
import { quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from '../../plan/kind-plan.js';
import { commented, stmt } from '../../plan/statements.js';
import { ensureSchema } from '../schema/plan.js';
import { extensionAspects } from './findings.js';
import { changeExtensionVersionSql, commentOnExtensionSql, createExtensionSql, dropExtensionSql, setExtensionSchemaSql } from './sql.js';
/** CREATE EXTENSION … WITH SCHEMA … [VERSION …], once per extension, in the step of the first finding that needs it. */
function createExtension(ctx, e, findingId) {
    if (!ctx.firstTime(`extension ${e.name}`))
        return;
    ensureSchema(ctx, e.schema, findingId);
    ctx.add({
        object: quoteIdent(e.name),
        phase: 'schemas',
        findingIds: [findingId],
        summary: `create extension ${quoteIdent(e.name)}`,
        up: [
            stmt(createExtensionSql(e.name, { schema: e.schema, ...(e.version !== null ? { version: e.version } : {}) })),
            ...commented(e.comment, (text) => commentOnExtensionSql(e.name, text)),
        ],
        down: [stmt(dropExtensionSql(e.name))],
        hazards: [],
    });
}
/**
 * The expected schema's extensions the database lacks, created before the
 * first new table or column (one of them may use a type or a default an
 * extension provides; the diff does not know which): those a
 * missing_extension finding did not create already (an ignored one).
 */
export function ensureExtensions(ctx, findingId) {
    for (const e of ctx.expected.model.extensions)
        if (!ctx.live.extensions.has(e.name))
            createExtension(ctx, e, findingId);
}
function planMissing(findings, ctx) {
    for (const f of findings)
        if (f.kind === 'missing_extension')
            createExtension(ctx, f.expected, f.id);
}
const DOWNGRADE = {
    kind: 'may_fail',
    message: 'going to an older version (down.sql, here): extensions ship update scripts that upgrade, rarely ones that downgrade, so without one the extension is dropped (no CASCADE) and created at that version: this fails while anything outside it uses it (a column of one of its types, an index with one of its operator classes), is refused when it holds configuration data, and loses privileges granted on its objects',
};
function planMismatch(f, ctx) {
    const name = f.object.extension ?? '';
    const aspects = extensionAspects(f.expected, f.actual);
    if (aspects.includes('version') && f.expected.version !== null && f.actual.version !== null) {
        ctx.add({
            object: `${quoteIdent(name)} version`,
            phase: 'schemas',
            findingIds: [f.id],
            summary: `update extension ${quoteIdent(name)} from version ${quoteLiteral(f.actual.version)} to ${quoteLiteral(f.expected.version)}`,
            up: [stmt(changeExtensionVersionSql(name, f.actual.schema, f.expected.version))],
            down: [stmt(changeExtensionVersionSql(name, f.actual.schema, f.actual.version))],
            hazards: [DOWNGRADE],
        });
    }
    if (!aspects.includes('schema'))
        return;
    const live = ctx.live.model.extensions.find((e) => e.name === name);
    if (live?.relocatable !== true) {
        ctx.manual(f, `extension ${quoteIdent(name)} is not relocatable: ALTER EXTENSION … SET SCHEMA cannot move it from ${quoteIdent(f.actual.schema)} to ${quoteIdent(f.expected.schema)}; drop it and create it in that schema once nothing outside it uses it`, [dropExtensionSql(name), createExtensionSql(name, { schema: f.expected.schema, ...(f.actual.version !== null ? { version: f.actual.version } : {}) })], [{ kind: 'data_loss', message: `dropping ${quoteIdent(name)} drops what only it holds (its configuration tables, if any)` }]);
        return;
    }
    ensureSchema(ctx, f.expected.schema, f.id);
    ctx.add({
        object: `${quoteIdent(name)} schema`,
        phase: 'schemas',
        findingIds: [f.id],
        summary: `move extension ${quoteIdent(name)} from schema ${quoteIdent(f.actual.schema)} to ${quoteIdent(f.expected.schema)}`,
        up: [stmt(setExtensionSchemaSql(name, f.expected.schema))],
        down: [stmt(setExtensionSchemaSql(name, f.actual.schema))],
        hazards: [
            {
                kind: 'may_fail',
                message: `code that names the extension's objects by the old schema (${quoteIdent(f.actual.schema)}.…), or finds them through a search_path without ${quoteIdent(f.expected.schema)}, stops finding them`,
            },
        ],
    });
}
function planDrops(findings, ctx) {
    for (const f of findings) {
        if (f.kind !== 'unexpected_extension')
            continue;
        const e = f.actual;
        ctx.add({
            object: quoteIdent(e.name),
            phase: 'drop_extensions',
            findingIds: [f.id],
            summary: `drop unexpected extension ${quoteIdent(e.name)}`,
            up: [stmt(dropExtensionSql(e.name))],
            down: [
                stmt(createExtensionSql(e.name, { schema: e.schema, ...(e.version !== null ? { version: e.version } : {}) })),
                ...commented(e.comment, (text) => commentOnExtensionSql(e.name, text)),
            ],
            hazards: [
                {
                    kind: 'may_fail',
                    message: `no CASCADE: fails while an object outside ${quoteIdent(e.name)} uses it (a column of one of its types, an index with one of its operator classes, a function calling it)`,
                },
            ],
        });
    }
}
export const EXTENSION_PLAN = {
    findings: {
        missing_extension: IN_CREATE_PASS,
        unexpected_extension: IN_DROP_PASS,
        extension_mismatch: planMismatch,
    },
    create: planMissing,
    drop: planDrops,
};
//# sourceMappingURL=plan.js.map