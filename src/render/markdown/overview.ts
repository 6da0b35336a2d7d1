/** The document's first sections: Overview (the run and its counts) and Current Schema Analysis (the live schema's inventory). */
import { notVisibleKindText, privilegeCoverageText } from '../../audit-coverage.js';
import type { AuditReport } from '../../audit.js';
import { oneLine } from '../../findings/words.js';
import { redactCredentials } from '../../redact.js';
import { rowsText, tableKey, type Analysis } from './analysis.js';
import { prose } from './prose.js';
import { capitalise, code, count, escapeMarkdown, objectName, plural, table } from './syntax.js';

/** What each kind of expected source is, in words. */
const EXPECTED_KIND_WORDS: Readonly<Record<string, string>> = {
  spec: 'spec',
  sql: 'SQL file',
  migrations: 'migrations folder',
  snapshot: 'model snapshot',
  database: 'reference database',
};

function hostText(report: AuditReport): string {
  const t = report.target;
  return t.port === 0 ? t.host : `${t.host}:${t.port}`;
}

/** `3 (0 errors, 2 warnings, 1 info)`. */
function severityCounts(total: number, by: (severity: 'error' | 'warning' | 'info') => number): string {
  return `${count(total)} (${plural(by('error'), 'error')}, ${plural(by('warning'), 'warning')}, ${count(by('info'))} info)`;
}

/** `## Overview`: what was audited against what, and the counts. */
export function overview(report: AuditReport, a: Analysis): string[] {
  const t = report.target;
  const kindWords = EXPECTED_KIND_WORDS[report.expected.kind] ?? `${escapeMarkdown(report.expected.kind)} source`;
  // A URL's password never reaches the document, even if a caller left one in.
  const source = redactCredentials(report.expected.source);
  const s = report.summary;
  const scope =
    s.total === 0 && a.advice.length === 0
      ? 'It found no difference.'
      : 'It lists the tables and enums the database has, the expected tables, columns and indexes it lacks, ' +
        'every other difference, and what to do about them.';
  const paragraph =
    `This report audits the schema of the PostgreSQL database ${code(t.database)} ` +
    `against the ${kindWords} ${code(source)}: every table, column, index, constraint and enum the expected schema defines ` +
    `is compared with the live database. ${scope}`;
  const rows: string[][] = [
    ['Database', code(t.database)],
    ['Host', escapeMarkdown(hostText(report))],
  ];
  if (t.user !== null) rows.push(['User', code(t.user)]);
  rows.push(
    ['Server', `PostgreSQL ${escapeMarkdown(t.serverVersion)}`],
    ['Generated at', escapeMarkdown(report.generatedAt)],
    ['Expected schema', `${capitalise(kindWords)} ${code(source)}`],
    ['Expected schema SHA-256', code(report.expected.sha256.slice(0, 12))],
    ['Tool', `${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}`],
    ['Drift findings', severityCounts(s.total, (severity) => s[severity])],
    ['Ignored findings', count(report.ignored.length)],
  );
  // Advice (DBA checks) is not drift: its own row, when the checks ran or left findings.
  if (report.advice !== undefined || a.advice.length > 0) {
    const by = (severity: string): number => a.advice.filter((f) => f.severity === severity).length;
    rows.push(['Advice', a.advice.length === 0 ? 'none' : severityCounts(a.advice.length, by)]);
  }
  const notRead = report.coverage.notRead ?? [];
  if (notRead.length > 0) rows.push(['Tables not read', `${notRead.length} (not compared; see below)`]);
  const notCompared = report.coverage.notCompared.length;
  if (notCompared > 0) rows.push(['Objects not compared', `${notCompared} (kinds schema-audit does not compare; see below)`]);
  const notVisible = report.coverage.notVisible;
  if (notVisible) rows.push(['Not visible', `${notVisible.kinds.length} kind${notVisible.kinds.length === 1 ? '' : 's'} not visible to ${code(notVisible.role)}, ${notVisible.objects.length} expected object${notVisible.objects.length === 1 ? '' : 's'} not compared (see below)`]);
  return [
    '## Overview',
    paragraph,
    table(['Item', 'Value'], rows),
    `The full SHA-256 of the expected schema's content is ${code(report.expected.sha256)}.`,
    ...coverage(report),
  ];
}

/** How many names of one kind the document lists (the JSON report lists all). */
const NOT_COMPARED_NAMES = 50;

/**
 * What the audit covered: objects per kind (live, compared, out of scope,
 * ignored), the objects of kinds not compared, tables not read
 * (`--lock-wait skip`), advice checks that could not run.
 */
function coverage(report: AuditReport): string[] {
  const out: string[] = [];
  const kinds = report.coverage.kinds.filter((k) => k.live > 0 || k.ignored > 0);
  if (kinds.length > 0) {
    out.push(
      `**Coverage.** Objects of each kind in the schemas read, and how many the audit compared:`,
      table(
        ['Kind', 'In the database', 'Compared', 'Outside the scope', 'Drift ignored'],
        kinds.map((k) => [escapeMarkdown(k.kind), count(k.live), count(k.compared), count(k.outOfScope), count(k.ignored)]),
      ),
    );
  }
  const outside = report.coverage.schemasOutOfScope;
  if (outside.length > 0) {
    out.push(`Schemas outside the audit's scope (not in the expected schema, or not named by \`--schema\`): ${outside.map((s) => code(s)).join(', ')}.`);
  }
  const byKind = new Map<string, string[]>();
  for (const o of report.coverage.notCompared) {
    const names = byKind.get(o.kind) ?? [];
    names.push(o.schema === null ? o.name : `${o.schema}.${o.name}`);
    byKind.set(o.kind, names);
  }
  if (byKind.size > 0) {
    out.push(
      `**Not compared.** schema-audit does not compare objects of these kinds, so drift in them is not reported; review them by other means:`,
      table(
        ['Kind', 'Objects'],
        [...byKind].map(([kind, names]) => {
          const shown = names.slice(0, NOT_COMPARED_NAMES).map((n) => code(n)).join(', ');
          const more = names.length > NOT_COMPARED_NAMES ? `, and ${count(names.length - NOT_COMPARED_NAMES)} more (the JSON report lists all)` : '';
          return [escapeMarkdown(kind), `${shown}${more}`];
        }),
      ),
    );
  }
  const unseen = report.coverage.notVisible;
  if (unseen) {
    out.push(
      `**Not visible to ${code(unseen.role)}.** The audit role may not read the catalogs of these kinds, so their objects were not compared (not missing: unseen); audit as a role that may read them (see the README's least-privileged audit role):`,
      table(
        ['Kind', 'Lacks SELECT on', 'Expected objects not compared'],
        unseen.kinds.map((k) => {
          const names = unseen.objects.filter((o) => o.kind === k.kind).map((o) => (o.schema === null ? o.name : `${o.schema}.${o.name}`));
          const shown = names.slice(0, NOT_COMPARED_NAMES).map((n) => code(n)).join(', ');
          const more = names.length > NOT_COMPARED_NAMES ? `, and ${count(names.length - NOT_COMPARED_NAMES)} more (the JSON report lists all)` : '';
          return [escapeMarkdown(notVisibleKindText(k.kind)), k.lacks.map((l) => code(l)).join(', '), names.length === 0 ? 'none' : `${shown}${more}`];
        }),
      ),
    );
  }
  out.push(`**Privileges and owners.** ${escapeMarkdown(privilegeCoverageText(report.coverage.privileges))}.`);
  const notRead = report.coverage.notRead ?? [];
  if (notRead.length > 0) {
    out.push(
      `**Not read.** ${notRead.length === 1 ? 'This table was' : 'These tables were'} not read, so ${notRead.length === 1 ? 'it is' : 'they are'} neither compared nor reported missing; audit again when the lock is released:`,
      table(
        ['Table', 'Why'],
        notRead.map((t) => [code(`${t.schema}.${t.name}`), escapeMarkdown(t.reason)]),
      ),
    );
  }
  for (const n of report.advice?.notChecked ?? []) {
    out.push(`**Advice not checked.** ${code(n.kind)}: ${escapeMarkdown(n.reason)}.`);
  }
  return out;
}

function coreTables(report: AuditReport, a: Analysis): string[] {
  const tables = report.inventory.tables;
  if (tables.length === 0) return ['The database has no tables in the audited schemas.'];
  const anyRows = tables.some((t) => t.rowEstimate !== null);
  const items = tables.map((t, i) => {
    const notes: string[] = [];
    const rows = rowsText(t.rowEstimate);
    if (rows !== null) notes.push(rows);
    if (a.unexpectedTables.has(tableKey(t.schema, t.name))) notes.push('not in the expected schema');
    const head = `${i + 1}. **${escapeMarkdown(objectName(t.schema, t.name))}** - `;
    if (t.description !== null && oneLine(t.description) !== '') {
      return `${head}${prose(t.description)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
    }
    return `${head}(no description${notes.length > 0 ? `; ${notes.join('; ')}` : ''})`;
  });
  return [`The database has ${plural(tables.length, 'table')}${anyRows ? " (row counts are the planner's estimates)" : ''}:`, items.join('\n')];
}

function enums(report: AuditReport, a: Analysis): string[] {
  const all = report.inventory.enums;
  if (all.length === 0) return ['The database has no enums in the audited schemas.'];
  const items = all.map((e, i) => {
    const values = e.values.length === 0 ? '(no values)' : e.values.map((v) => escapeMarkdown(v)).join(', ');
    const note = a.unexpectedEnums.has(tableKey(e.schema, e.name)) ? ' (not in the expected schema)' : '';
    return `${i + 1}. **${escapeMarkdown(objectName(e.schema, e.name))}** - ${values}${note}`;
  });
  return [`The database has ${plural(all.length, 'enum')}, with their values in order:`, items.join('\n')];
}

/** `## Current Schema Analysis`: the live tables and enums. */
export function currentSchema(report: AuditReport, a: Analysis): string[] {
  return ['## Current Schema Analysis', '### Core Tables', ...coreTables(report, a), '### Enums', ...enums(report, a)];
}
