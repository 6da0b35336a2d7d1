/**
 * Recommendations: what to do, numbered, only the subsections that apply
 * (create tables, add columns, create indexes, data migration, resolve other
 * drift, review advice, apply the generated migration).
 */
import type { AuditReport } from '../../audit.js';
import { findingId } from '../../findings/finding.js';
import { typeCode } from '../../kinds/column/words.js';
import { namedConstraint } from '../../kinds/constraint/words.js';
import { keyColumns } from '../../kinds/index/words.js';
import { objectKey, quoteIdent } from '../../model/identifiers.js';
import { groupByTable, needsBackfillPlan, newColumns, rowsText, tableRows, type Analysis, type NewColumn } from './analysis.js';
import { findingObjectName } from './finding-words.js';
import { migrationRecommendation } from './migration.js';
import { unexpectedCount } from './other-drift.js';
import { code, columnCode, count, isAre, itThem, listJoin, objectName, plural, the } from './syntax.js';

interface Subsection {
  readonly title: string;
  readonly body: string[];
}

/** `` `leads.score` ``: a column with its table. */
export function qualifiedColumn(schema: string, table: string, column: string): string {
  return code(`${objectName(schema, table)}.${quoteIdent(column)}`);
}

function rowsSuffix(rows: number | null): string {
  return rowsText(rows) ?? 'row count unknown';
}

function createTables(a: Analysis): Subsection | null {
  const n = a.missingTables.length;
  if (n === 0) return null;
  const tables = listJoin(a.missingTables.map((f) => code(findingObjectName(f.object))));
  return {
    title: 'Create Missing Tables',
    body: [`Create ${the(n, 'missing table')} with ${n === 1 ? 'its' : 'their'} columns, constraints and indexes: ${tables}.`],
  };
}

function addColumns(added: readonly NewColumn[]): Subsection | null {
  if (added.length === 0) return null;
  const lines = added.map(({ schema, table: t, column }) => {
    const facts = [typeCode(column)];
    if (column.generated !== null) facts.push('generated');
    if (column.identity !== null) facts.push('identity');
    const carried = column.constraints.map(namedConstraint);
    return `- ${qualifiedColumn(schema, t, column.name)} (${facts.join(', ')})${carried.length > 0 ? `, with ${listJoin(carried)}` : ''}`;
  });
  return {
    title: 'Add Missing Columns',
    body: [
      added.length === 1
        ? 'Add the missing column with the constraints it carries:'
        : `Add the ${count(added.length)} missing columns, each with the constraints it carries:`,
      lines.join('\n'),
    ],
  };
}

function createIndexes(a: Analysis, added: readonly NewColumn[]): Subsection | null {
  if (a.missingIndexes.length === 0 && a.indexAdvice.length === 0) return null;
  const body: string[] = [];
  const n = a.missingIndexes.length;
  if (n > 0) {
    const addedKeys = new Set(added.map((m) => objectKey(m.schema, m.table, m.column.name)));
    const onNew = a.missingIndexes.filter((f) =>
      keyColumns(f.expected.keys).some((c) => addedKeys.has(objectKey(f.object.schema, f.object.table ?? '', c))),
    ).length;
    const when =
      onNew === 0
        ? ''
        : n === 1
          ? ' after the new column it is on is added'
          : onNew === n
            ? ', all on new columns, so after the columns are added'
            : ` (${count(onNew)} of them on new columns, so after the columns are added)`;
    body.push(`Create ${the(n, 'missing index', 'missing indexes')}${when}:`);
    body.push(
      groupByTable(a.missingIndexes, (f) => f.object)
        .map((g) => `- ${code(objectName(g.schema, g.table))}: ${g.items.map((f) => columnCode(f.expected.name)).join(', ')}`)
        .join('\n'),
    );
  }
  if (a.indexAdvice.length > 0) {
    body.push(`Review the ${plural(a.indexAdvice.length, 'piece')} of index advice listed with the tables above.`);
  }
  return { title: 'Create Additional Indexes', body };
}

function resolveOtherDrift(a: Analysis): Subsection | null {
  if (a.other.length === 0) return null;
  const unexpected = unexpectedCount(a.other);
  const body = [
    `Decide for ${a.other.length === 1 ? 'the difference' : `each of the ${plural(a.other.length, 'difference')}`} under Other Drift whether the database or the expected schema is right: ` +
      'change the database, or change the expected schema (or accept the difference with an ignore rule that gives its reason).',
  ];
  if (unexpected > 0) {
    const stay = unexpected === 1 ? 'the unexpected object or value stays' : `the ${count(unexpected)} unexpected objects and values stay`;
    body.push(`None of these recommendations drops anything: ${stay} until someone has checked that nothing uses ${itThem(unexpected)}.`);
  }
  return { title: 'Resolve Other Drift', body };
}

function reviewAdvice(a: Analysis): Subsection | null {
  if (a.otherAdvice.length === 0) return null;
  return {
    title: 'Review the Advice',
    body: [
      `Review the ${plural(a.otherAdvice.length, 'piece')} of advice under Advice; ` + "they are not drift, so the audit's verdict does not depend on them.",
    ],
  };
}

/** `## Recommendations`: the subsections that apply, numbered, the generated migration last. */
export function recommendations(report: AuditReport, a: Analysis): string[] {
  const added = newColumns(a);
  const migration = dataMigration(a, added, report);
  const subsections = [
    createTables(a),
    addColumns(added),
    createIndexes(a, added),
    migration.length > 0 ? { title: 'Data Migration', body: migration } : null,
    resolveOtherDrift(a),
    reviewAdvice(a),
  ].filter((s): s is Subsection => s !== null);
  const out = ['## Recommendations'];
  if (subsections.length === 0) {
    out.push('No change is needed: the database matches the expected schema.');
    return out;
  }
  const sqlMigration = migrationRecommendation(report);
  if (sqlMigration) subsections.push(sqlMigration);
  subsections.forEach((s, i) => out.push(`### ${i + 1}. ${s.title}`, ...s.body));
  if (!sqlMigration) out.push('Run the audit with `--migration-dir DIR` for the SQL migration (`up.sql`) and its rollback (`down.sql`).');
  return out;
}

/**
 * The new columns the generated migration fills for the existing rows (a
 * spec column's `backfill:`), with the expression it fills them with: the
 * remediation's backfill steps, by the finding each fixes.
 */
function backfilledColumns(report: AuditReport): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const step of report.remediation?.steps ?? []) {
    if (step.phase !== 'backfill') continue;
    const value = / for existing rows with (.+)$/s.exec(step.summary)?.[1];
    if (value === undefined || value.startsWith('its default ')) continue;
    for (const id of step.findingIds) out.set(id, value);
  }
  return out;
}

/** What the new columns do to the rows already there. */
function newColumnBullets(a: Analysis, added: readonly NewColumn[], report: AuditReport): string[] {
  const bullets: string[] = [];
  const label = (m: NewColumn): string => `${qualifiedColumn(m.schema, m.table, m.column.name)} (${rowsSuffix(tableRows(a, m.schema, m.table))})`;
  const backfill = added.filter((m) => needsBackfillPlan(a, m));
  bullets.push(
    backfill.length === 0
      ? 'No new column is NOT NULL without a default, so none needs a backfill before it can be added.'
      : 'These new columns are NOT NULL without a default on tables that have rows, so they need a backfill plan ' +
          `(add the column as nullable, fill it, then set NOT NULL): ${listJoin(backfill.map(label))}.`,
  );
  const generated = added.filter((m) => m.column.generated !== null);
  if (generated.length > 0) {
    const n = generated.length;
    bullets.push(
      `${listJoin(generated.map(label))} ${isAre(n)} generated: PostgreSQL computes ${itThem(n)} for the existing rows ` +
        `when ${n === 1 ? 'it is' : 'they are'} added, rewriting the table.`,
    );
  }
  const identity = added.filter((m) => m.column.identity !== null);
  if (identity.length > 0) {
    const what = identity.length === 1 ? 'is an identity column' : 'are identity columns';
    bullets.push(`${listJoin(identity.map(label))} ${what}: existing rows are numbered when the column is added.`);
  }
  const plain = added.filter((m) => m.column.generated === null && m.column.identity === null);
  const withDefault = plain.filter((m) => m.column.default !== null);
  if (withDefault.length > 0) bullets.push(`Existing rows get the default in ${listJoin(withDefault.map(label))}.`);
  const filled = backfilledColumns(report);
  const filledWith = (m: NewColumn): string | undefined => filled.get(findingId('missing_column', { schema: m.schema, table: m.table, column: m.column.name }));
  const backfilled = plain.filter((m) => m.column.nullable && m.column.default === null && filledWith(m) !== undefined);
  for (const m of backfilled) {
    bullets.push(`The migration fills ${label(m)} for the existing rows with ${code(filledWith(m) as string)}, in batches, where it is still NULL.`);
  }
  const nulls = plain.filter((m) => m.column.nullable && m.column.default === null && filledWith(m) === undefined);
  if (nulls.length > 0) {
    const n = nulls.length;
    const carriedOf = (kind: string): number => nulls.reduce((k, m) => k + m.column.constraints.filter((c) => c.kind === kind).length, 0);
    const fks = carriedOf('foreign_key');
    const checks = carriedOf('check');
    const carried = [fks > 0 ? the(fks, 'foreign key') : null, checks > 0 ? the(checks, 'check') : null].filter((x): x is string => x !== null);
    const carry = n === 1 ? 'this column carries' : 'these columns carry';
    const satisfy = carried.length > 0 ? `; the values must satisfy ${listJoin(carried)} ${carry}` : '';
    const which = n === 1 ? 'the nullable new column' : 'the nullable new columns';
    bullets.push(
      `Existing rows get NULL in ${which} without a default: ${listJoin(nulls.map(label))}. ` + `Fill ${itThem(n)} where the application expects a value${satisfy}.`,
    );
  }
  return bullets;
}

/** What changing existing columns does to their rows. */
function changedColumnBullets(a: Analysis): string[] {
  const bullets: string[] = [];
  for (const f of a.other) {
    const o = f.object;
    if (o.table === undefined || o.column === undefined) continue;
    const where = `${qualifiedColumn(o.schema, o.table, o.column)} (${rowsSuffix(tableRows(a, o.schema, o.table))})`;
    if (f.kind === 'column_type_mismatch') {
      bullets.push(`Changing the type of ${where} from ${code(f.actual.type)} to ${code(f.expected.type)} converts its existing values and may rewrite the table.`);
    } else if (f.kind === 'column_nullability_mismatch' && !f.expected.nullable) {
      bullets.push(`Setting NOT NULL on ${where} fails while rows hold NULL in it: fill those rows first.`);
    }
  }
  return bullets;
}

function dataMigration(a: Analysis, added: readonly NewColumn[], report: AuditReport): string[] {
  const bullets = [...(added.length > 0 ? newColumnBullets(a, added, report) : []), ...changedColumnBullets(a)];
  if (bullets.length === 0) return [];
  return ['For the rows already in the database:', bullets.map((b) => `- ${b}`).join('\n')];
}
