/** One line: `verified on PostgreSQL 17.10 (structure only: …)` or what failed. */
export function verificationText(v) {
    if (v.verified)
        return `verified on PostgreSQL ${v.serverVersion} (${v.note})`;
    const f = v.failure;
    if (!f)
        return `not verified on PostgreSQL ${v.serverVersion}`;
    const where = f.stage === 'load'
        ? 'loading the structure of the audited database failed'
        : f.stage === 'up' || f.stage === 'down'
            ? `${f.stage}.sql failed at step ${f.step ?? '?'}`
            : f.stage === 'after_up'
                ? 'up.sql ran, but did not fix what it claims'
                : 'down.sql ran, but did not restore the structure';
    return `verification FAILED on PostgreSQL ${v.serverVersion}: ${where}: ${f.message}${f.statement ? ` (statement: ${f.statement.replace(/\s+/g, ' ').slice(0, 200)})` : ''}`;
}
//# sourceMappingURL=verification.js.map