/**
 * The remediation plan in the markdown report: the forward migration under
 * Recommendations, the rollback under Rollback Procedures. Both show the
 * exact files `--migration-dir` writes, with the hazards and the steps a
 * person must decide spelled out above them.
 */
import type { AuditReport } from '../../audit.js';
import type { Hazard, HazardKind } from '../../plan/index.js';
import { verificationText } from '../../plan/verification.js';
import { migrationFiles } from '../migration-files.js';
import { code, escapeMarkdown, partOf } from './syntax.js';

const HAZARD_TITLES: Record<HazardKind, string> = {
  table_rewrite: 'Table rewrites (ACCESS EXCLUSIVE lock for the whole rewrite)',
  long_lock: 'Long locks',
  validation_scan: 'Scans that block neither reads nor writes',
  may_fail: 'Statements that fail on some existing data',
  data_loss: 'Data the migration deletes',
  rollback_data_loss: 'Data a rollback deletes',
  irreversible: 'What a rollback cannot undo',
  access_change: 'Who may do what (row-level security and policies, grants, revokes, owners)',
};

/** A fence longer than any backtick run in the text. */
function fenced(text: string, info: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text.replace(/\n$/, '')}\n${fence}`;
}

const inline = code;

function hazardList(hazards: readonly Hazard[], kinds: readonly HazardKind[]): string[] {
  const out: string[] = [];
  for (const kind of kinds) {
    const messages = [...new Set(hazards.filter((h) => h.kind === kind).map((h) => h.message))];
    if (messages.length === 0) continue;
    out.push(`- **${HAZARD_TITLES[kind]}**:\n${messages.map((m) => `  - ${escapeMarkdown(m)}`).join('\n')}`);
  }
  return out;
}

/** The `Apply the Migration` subsection of Recommendations, or null when there is no plan. */
export function migrationRecommendation(report: AuditReport): { title: string; body: string[] } | null {
  const plan = report.remediation;
  if (!plan) return null;
  const drift = report.findings.filter((f) => f.category === 'drift').length;
  const body: string[] = [];
  if (plan.steps.length === 0) {
    body.push(
      plan.manual.length + plan.kept.length === 0
        ? 'There is nothing to migrate.'
        : 'No difference can be fixed automatically; each needs a decision (below).',
    );
  } else {
    body.push(
      `schema-audit generated the forward migration below: ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'} ` +
        `fixing ${partOf(plan.fixed.length, drift, 'difference')}, in dependency order. ` +
        '`--migration-dir DIR` writes it to `DIR/up.sql`. Run it with `psql -v ON_ERROR_STOP=1 -f up.sql`, never inside a transaction block ' +
        '(indexes are built `CONCURRENTLY` and backfills commit per batch). Every statement is idempotent: after a failure, fix the cause and run the file again. ' +
        `It sets \`lock_timeout = '${plan.settings.lockTimeout}'\` and \`statement_timeout = '${plan.settings.statementTimeout}'\` first.`,
    );
    const hazards = hazardList(
      plan.steps.flatMap((s) => s.hazards),
      ['table_rewrite', 'long_lock', 'may_fail', 'data_loss', 'access_change', 'validation_scan'],
    );
    if (hazards.length) body.push(`Hazards of the forward migration:\n\n${hazards.join('\n')}`);
  }
  if (plan.manual.length) {
    body.push(
      `${plan.manual.length === 1 ? 'This difference needs' : `These ${plan.manual.length} differences need`} a person's decision, so the migration leaves ${plan.manual.length === 1 ? 'it' : 'them'} alone (up.sql lists ${plan.manual.length === 1 ? 'it' : 'them'} at the end, with SQL to start from):\n\n` +
        plan.manual.map((m) => `- ${inline(m.findingId)}: ${escapeMarkdown(m.reason)}`).join('\n'),
    );
  }
  if (plan.kept.length) {
    body.push(
      `Not in the expected schema and left in place (${plan.kept.length}); \`--drop-unexpected\` adds their removal to the migration: ` +
        plan.kept.map(inline).join(', ') +
        '.',
    );
  }
  if (plan.verification) {
    const v = plan.verification;
    body.push(
      v.verified
        ? `**Verified on PostgreSQL ${escapeMarkdown(v.serverVersion)}** (\`--verify\`): on a scratch copy of the database's structure, up.sql left only the decisions listed here, and down.sql restored the structure (${escapeMarkdown(v.note)}).`
        : `**Verification failed** (\`--verify\`): ${escapeMarkdown(verificationText(v))}. Do not run this migration before the cause is understood.`,
    );
  }
  if (plan.steps.length) body.push(fenced(migrationFiles(report).up, 'sql'));
  return { title: 'Apply the Migration', body };
}

/** Rollback Procedures' account of down.sql, or nothing when there is no plan with steps. */
export function migrationRollback(report: AuditReport): string[] {
  const plan = report.remediation;
  if (!plan || plan.steps.length === 0) return [];
  const out: string[] = [
    'The rollback (`DIR/down.sql` with `--migration-dir DIR`) undoes the forward migration step by step, in reverse order. ' +
      'Try both on a copy first: run `up.sql`, audit the copy (no drift should remain but the decisions listed above), ' +
      'run `down.sql`, audit the copy against its original schema; then run `up.sql` in production, and keep `down.sql` at hand.',
  ];
  const hazards = hazardList(
    plan.steps.flatMap((s) => s.hazards),
    ['rollback_data_loss', 'irreversible'],
  );
  if (hazards.length) out.push(`What a rollback loses or cannot undo:\n\n${hazards.join('\n')}`);
  out.push(fenced(migrationFiles(report).down, 'sql'));
  return out;
}
