/**
 * A remediation plan as two SQL files, up.sql and down.sql, each runnable
 * with `psql -v ON_ERROR_STOP=1 -f FILE`. No statement is ever wrapped in a
 * transaction block (CREATE INDEX CONCURRENTLY and a backfill that commits per
 * batch cannot run in one); each statement commits on its own and is
 * idempotent, so after a failure the operator fixes the cause and runs the
 * same file again. Deterministic: the same plan gives the same bytes.
 */
import { safeSql, sqlCommentLine, sqlCommentLines } from '../safe-text.js';
/**
 * Comment lines: every line of the text prefixed, line breaks and control
 * characters escaped (src/safe-text.ts), so no text can end the comment early.
 * Every line of a header, step comment, hazard, manual step and verification
 * text goes through here.
 */
function comment(text, prefix = '-- ') {
    return [sqlCommentLine(text, prefix)];
}
function settingLines(plan) {
    return [
        `SET lock_timeout = '${plan.settings.lockTimeout}';`,
        `SET statement_timeout = '${plan.settings.statementTimeout}';`,
        // Literals are written for standard strings (a backslash is a character, not an escape).
        'SET standard_conforming_strings = on;',
        "SET search_path = pg_catalog, public;",
        // As pg_dump does: a function body may name objects created later in the file.
        'SET check_function_bodies = false;',
    ];
}
function statementLines(s, plan) {
    // Names inside quotes with control characters are written as escapes (src/safe-text.ts).
    if (!s.untimed)
        return [`${safeSql(s.sql)};`];
    return [
        sqlCommentLine(`No statement timeout for the next statement: ${s.untimed}.`),
        'SET statement_timeout = 0;',
        `${safeSql(s.sql)};`,
        `SET statement_timeout = '${plan.settings.statementTimeout}';`,
    ];
}
function stepBlock(step, n, total, direction, plan) {
    const statements = direction === 'up' ? step.up : step.down;
    const out = comment(`[${n}/${total}] ${direction === 'up' ? '' : 'undo: '}${step.summary}`);
    out.push(...comment(`fixes: ${step.findingIds.join(', ')}`));
    const hazards = step.hazards.filter((h) => (direction === 'up' ? h.kind !== 'rollback_data_loss' : h.kind === 'rollback_data_loss' || h.kind === 'irreversible'));
    for (const h of direction === 'up' ? hazards.filter((h) => h.kind !== 'irreversible') : hazards) {
        out.push(...comment(`HAZARD ${h.kind}: ${h.message}`));
    }
    if (statements.length === 0) {
        out.push(...comment(direction === 'down' ? 'nothing to undo here: see the hazard above, or the step it belongs to' : 'nothing to run'));
    }
    for (const s of statements)
        out.push(...statementLines(s, plan));
    return out;
}
function manualBlock(plan) {
    if (plan.manual.length === 0 && plan.kept.length === 0)
        return [];
    const out = ['', '-- ============================================================================'];
    if (plan.manual.length > 0) {
        out.push('-- MANUAL STEPS: a person must decide these. Nothing below runs; the SQL is a starting point.');
        plan.manual.forEach((m, i) => {
            out.push('--', ...comment(`(${i + 1}) ${m.findingId}`), ...comment(m.reason, '--     '));
            for (const h of m.hazards)
                out.push(...comment(`HAZARD ${h.kind}: ${h.message}`, '--     '));
            for (const s of m.suggestion)
                out.push(...sqlCommentLines(safeSql(s), '--       '));
        });
    }
    if (plan.kept.length > 0) {
        out.push('--', '-- KEPT: not in the expected schema, left in place (rerun with --drop-unexpected to drop them):');
        for (const id of plan.kept)
            out.push(...comment(id, '--   '));
    }
    return out;
}
export function renderMigration(plan, header) {
    const total = plan.steps.length;
    const head = (direction) => [
        sqlCommentLine(`schema-audit ${header.toolVersion}: ${direction === 'up' ? 'forward migration (up.sql)' : 'rollback (down.sql)'}`),
        sqlCommentLine(`target:   ${header.target} (PostgreSQL ${header.serverVersion})`),
        sqlCommentLine(`expected: ${header.expected}`),
        sqlCommentLine(`generated ${header.generatedAt}`),
        ...(header.verification ? [sqlCommentLine(header.verification.replace(/\s+/g, ' '))] : []),
        '--',
        `-- Run with:  psql -v ON_ERROR_STOP=1 -f ${direction}.sql "postgres://…"`,
        '-- Never inside a transaction block (no --single-transaction): CREATE INDEX CONCURRENTLY and',
        '-- batched backfills cannot run in one. Every statement is idempotent: after a failure, fix the',
        '-- cause and run the whole file again. Back up the database and run on staging first.',
        ...(direction === 'down'
            ? ['-- down.sql undoes up.sql step by step, in reverse order. It restores structure, not data.']
            : []),
        '',
        ...settingLines(plan),
    ];
    const up = head('up');
    const down = head('down');
    if (total === 0) {
        up.push('', '-- Nothing to change automatically.');
        down.push('', '-- Nothing to undo.');
    }
    plan.steps.forEach((step, i) => up.push('', ...stepBlock(step, i + 1, total, 'up', plan)));
    [...plan.steps].reverse().forEach((step, i) => down.push('', ...stepBlock(step, total - i, total, 'down', plan)));
    up.push(...manualBlock(plan));
    return { up: `${up.join('\n')}\n`, down: `${down.join('\n')}\n` };
}
//# sourceMappingURL=render-sql.js.map