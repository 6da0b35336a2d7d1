/**
 * Conclusion: the verdict in a paragraph, counts, what is missing, what
 * differs, and the errors to fix first, each finding kind named by the noun
 * its definition gives.
 */
import { coverageGapText } from '../../audit-coverage.js';
import type { AuditReport } from '../../audit.js';
import { FINDING_KIND_RANK, FINDING_KINDS, findingDefinition, type DriftFinding, type FindingKind } from '../../findings/kinds.js';
import { compareText } from '../../model/sort.js';
import {
  compositeCount,
  compositeNote,
  expectedEnumCount,
  expectedPartitionCount,
  expectedTableCount,
  missingTableCount,
  needsBackfillPlan,
  newColumns,
  ofKind,
  type Analysis,
} from './analysis.js';
import { findingObjectName, findingWords } from './finding-words.js';
import { unexpectedCount } from './other-drift.js';
import { capitalise, code, count, counted, escapeMarkdown, isAre, listJoin, objectName, plural } from './syntax.js';

/** `all 16 expected tables` / `the expected table` / `6 of the 7 expected tables`, and how many of them are present. */
function presence(total: number, missing: number, noun: string): { text: string; present: number } | null {
  if (total === 0) return null;
  if (missing > 0) return { text: `${count(total - missing)} of the ${plural(total, `expected ${noun}`)}`, present: total - missing };
  return { text: total === 1 ? `the expected ${noun}` : `all ${plural(total, `expected ${noun}`)}`, present: total };
}

/**
 * What the sections of their own (Missing Tables, Missing Columns, Index
 * Optimization Opportunities) add to a count of missing objects: their
 * names, their tables, how many are composite. Other kinds are counted only.
 */
function missingDetail(kind: FindingKind, a: Analysis): string {
  if (kind === 'missing_table') return ` (${listJoin(a.missingTables.map((f) => code(findingObjectName(f.object))))})`;
  if (kind === 'missing_column') return ` (in ${listJoin(a.missingColumns.map((g) => code(objectName(g.schema, g.table))))})`;
  if (kind === 'missing_index') return compositeNote(compositeCount(a.missingIndexes), a.missingIndexes.length);
  return '';
}

/** `6 columns (in ...), 11 indexes (5 of them composite) and 1 enum value`: the missing objects, by finding kind in report order. */
function missingObjects(a: Analysis): string[] {
  return FINDING_KINDS.filter((kind) => findingDefinition(kind).effect === 'missing').flatMap((kind) => {
    const n = a.drift.filter((f) => f.kind === kind).length;
    return n === 0 ? [] : [`${counted(n, findingWords(kind).subject)}${missingDetail(kind, a)}`];
  });
}

/** `1 missing table, 3 column type differences and 1 constraint difference`: the errors by kind, what is missing first, then what differs, each in kind order. */
export function errorSummary(drift: readonly DriftFinding[]): string {
  const counts = new Map<FindingKind, number>();
  for (const f of drift) if (f.severity === 'error') counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const rank = (k: FindingKind): number => (findingDefinition(k).effect === 'missing' ? 0 : 100) + (FINDING_KIND_RANK.get(k) ?? 0);
  const kinds = [...counts.keys()].sort((x, y) => rank(x) - rank(y) || compareText(x, y));
  return listJoin(kinds.map((k) => counted(counts.get(k) ?? 0, findingDefinition(k).noun)));
}

/** What the drift amounts to, and what to do first. */
function verdict(report: AuditReport, a: Analysis): string[] {
  const s = report.summary;
  const drift = a.drift;
  const sentences: string[] = [
    `The audit of ${code(report.target.database)} found ${plural(drift.length, 'difference')} from the expected schema: ` +
      `${plural(s.error, 'error')}, ${plural(s.warning, 'warning')} and ${count(s.info)} info.`,
  ];
  const present = [
    presence(expectedTableCount(a), missingTableCount(a), 'table'),
    presence(expectedPartitionCount(a), a.missingTables.length - missingTableCount(a), 'partition'),
    presence(expectedEnumCount(a), ofKind(drift, 'missing_enum').length, 'enum'),
  ].filter((p): p is { text: string; present: number } => p !== null);
  if (present.length > 0) {
    const singular = present.length === 1 && present[0]!.present === 1;
    sentences.push(`${capitalise(listJoin(present.map((p) => p.text)))} ${singular ? 'is' : 'are'} present.`);
  }
  const missing = missingObjects(a);
  if (missing.length > 0) sentences.push(`Missing: ${listJoin(missing)}.`);

  const unexpected = unexpectedCount(drift);
  const changed = drift.filter((f) => findingDefinition(f.kind).effect === 'mismatch').length;
  if (changed > 0) sentences.push(`${plural(changed, 'difference')} ${isAre(changed)} in existing objects (see Other Drift).`);
  if (unexpected > 0) {
    sentences.push(
      `${plural(unexpected, 'finding')} ${isAre(unexpected)} about objects or enum values the database has and the expected schema does not define.`,
    );
  }
  const backfill = newColumns(a).filter((m) => needsBackfillPlan(a, m)).length;
  if (changed === 0 && unexpected === 0) {
    sentences.push(
      backfill === 0
        ? 'Every difference is an addition and no new column needs a backfill before it is added, ' +
            'so a standard migration brings the database in line with the expected schema.'
        : `Every difference is an addition, but ${plural(backfill, 'new column')} ${backfill === 1 ? 'needs' : 'need'} a backfill plan ` +
            '(see Data Migration).',
    );
  } else if (s.error > 0) {
    sentences.push(`${s.error === 1 ? 'The error, to fix first, is' : `The ${count(s.error)} errors, to fix first, are`} ${errorSummary(drift)}.`);
  }
  sentences.push('Run the audit again after the migration to confirm that no drift remains.');
  return sentences;
}

/** `## Conclusion`: one paragraph. */
export function conclusion(report: AuditReport, a: Analysis): string[] {
  const out = ['## Conclusion'];
  const n = report.ignored.length;
  const gap = coverageGapText(report.coverage);
  const tail = [
    n > 0 ? `${plural(n, 'finding')} ${n === 1 ? 'was' : 'were'} ignored by the expected schema's rules.` : null,
    // The gap names the audit role (the server's text): escaped.
    gap !== '' ? `The audit is not complete: ${escapeMarkdown(gap)} (see Overview).` : null,
    a.advice.length > 0 ? `The DBA checks add ${plural(a.advice.length, 'piece')} of advice, listed above.` : null,
  ].filter((x): x is string => x !== null);
  if (a.drift.length === 0) {
    const partitions = expectedPartitionCount(a);
    const tables = `${plural(expectedTableCount(a), 'table')}${partitions > 0 ? ` (and ${plural(partitions, 'partition')})` : ''}`;
    const acked = report.acknowledgements?.acknowledged.length ?? 0;
    const head = acked > 0
      ? `No drift beyond ${plural(acked, 'acknowledged finding')} (see Acknowledged Drift): ${tables}, ${plural(expectedEnumCount(a), 'enum')}.`
      : report.coverage.complete
        ? `The database matches the expected schema: ${tables}, ${plural(expectedEnumCount(a), 'enum')}, no drift.`
        : `No drift in what was compared: ${tables}, ${plural(expectedEnumCount(a), 'enum')}.`;
    out.push([head, ...tail].join(' '));
    return out;
  }
  out.push([...verdict(report, a), ...tail].join(' '));
  return out;
}
