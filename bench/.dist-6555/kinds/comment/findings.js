export const COMMENT_FINDINGS = {
    // Documentation: no query, write or plan changes with it. Reported, so that
    // descriptions do not drift unseen, but below the `--fail-on warning` gates
    // that schema changes trip (a spec's `severity:` raises it).
    comment_mismatch: {
        severity: 'info',
        effect: 'mismatch',
        noun: { one: 'comment difference', many: 'comment differences' },
        aspects: () => ['comment'],
    },
};
//# sourceMappingURL=findings.js.map