/**
 * The diff engine: compare the expected schema model with the actual one.
 * Pure: no I/O, no database, no clock; the same inputs give the same output,
 * whatever the order of the input lists.
 */
import type { SchemaModel, Table } from '../model/schema-model.js';
import { compareText, sortBy } from '../model/sort.js';
import { compareEnums } from './compare-enums.js';
import { compareTable, tableKey } from './compare-table.js';
import { plural, qualified } from './describe.js';
import { diffKeyed } from './diff-keyed.js';
import {
  type Comparison,
  type DiffOptions,
  type DiffResult,
  type DraftFinding,
  type Finding,
  type FindingKind,
  type FindingObject,
  type IgnoredFinding,
  type PresentKind,
  type PresentObject,
  type Severity,
  FINDING_KINDS,
  findingId,
  isSeverity,
  objectPath,
} from './findings.js';
import { compileIgnoreRules, findIgnoreRule } from './ignore.js';
import { severityOf } from './rules.js';
import { AuditError, ExitCode } from '../errors.js';

/**
 * Compare `expected` with `actual` and report the drift.
 *
 * - Tables are matched by (schema, name), enums by (schema, name); columns,
 *   indexes and constraints by name within their table. Renames are never
 *   guessed: a renamed column is one missing and one unexpected column.
 * - A missing (or unexpected) table is one finding; its contents are not
 *   reported separately.
 * - Partitions are tables like any other, with one exception: when the
 *   expected model lists no partition at all of an expected parent, the
 *   actual partitions of that parent are not reported (partitions are often
 *   created at run time and a spec seldom lists them). Once the expected
 *   model lists some partitions of a parent, every other partition of it is
 *   an `unexpected_table`.
 * - Only objects in scope are compared: `options.schemas`, else the expected
 *   model's schemas (its `schemas` list plus those its tables and enums use).
 *
 * Throws an `AuditError` (code `spec`) when an ignore rule or a severity
 * override is invalid.
 */
export function diffSchemas(expected: SchemaModel, actual: SchemaModel, options: DiffOptions = {}): DiffResult {
  const rules = compileIgnoreRules(options.ignore ?? []);
  validateSeverities(options.severity);

  const scope = new Set(
    options.schemas ?? [
      ...expected.schemas.map((s) => s.name),
      ...expected.tables.map((t) => t.schema),
      ...expected.enums.map((e) => e.schema),
    ],
  );
  const inScope = (o: { readonly schema: string }): boolean => scope.has(o.schema);

  const drafts: DraftFinding[] = [];
  const present: PresentObject[] = [];
  // Loops, not push(...list): spreading a list of 100k+ entries can overflow the stack.
  const collect = (c: Comparison): void => {
    for (const f of c.findings) drafts.push(f);
    for (const p of c.present) present.push(p);
  };

  collect(compareTables(expected.tables.filter(inScope), actual.tables.filter(inScope)));
  collect(compareEnums(expected.enums.filter(inScope), actual.enums.filter(inScope)));

  const findings: Finding[] = [];
  const ignored: IgnoredFinding[] = [];
  for (const draft of drafts.sort(compareDrafts)) {
    const id = findingId(draft.kind, draft.object);
    const rule = findIgnoreRule(rules, draft.kind, objectPath(draft.object));
    if (rule !== undefined) {
      ignored.push({ rule, findingId: id });
      continue;
    }
    findings.push({
      id,
      kind: draft.kind,
      category: 'drift',
      severity: severityOf(draft.kind, options.severity),
      object: draft.object,
      expected: draft.expected,
      actual: draft.actual,
      message: draft.message,
    });
  }

  const count = (severity: Severity): number => findings.filter((f) => f.severity === severity).length;
  return {
    findings,
    present: present.sort(comparePresent),
    ignored,
    summary: { error: count('error'), warning: count('warning'), info: count('info'), total: findings.length },
  };
}

function validateSeverities(overrides: DiffOptions['severity']): void {
  if (overrides === undefined) return;
  for (const [kind, severity] of Object.entries(overrides)) {
    if (!(FINDING_KINDS as readonly string[]).includes(kind)) {
      throw new AuditError('spec', ExitCode.Usage, `unknown finding kind ${JSON.stringify(kind)} in severity overrides`);
    }
    if (severity === undefined) continue; // Partial<>: an absent override
    if (typeof severity !== 'string' || !isSeverity(severity)) {
      throw new AuditError(
        'spec',
        ExitCode.Usage,
        `invalid severity ${JSON.stringify(severity)} for ${kind}: expected error, warning or info`,
      );
    }
  }
}

// ----------------------------------------------------------------- tables

/**
 * A table as findings show it: the model's table without the row estimate (a
 * statistic, not schema), its lists in the model's canonical order (columns
 * by position, the rest by name) whatever order the input had.
 */
function tableValue(t: Table): Omit<Table, 'rowEstimate'> {
  const { rowEstimate: _statistic, ...rest } = t;
  return {
    ...rest,
    columns: [...t.columns].sort((x, y) => x.position - y.position || compareText(x.name, y.name)),
    indexes: sortBy(t.indexes, (i) => i.name),
    constraints: sortBy(t.constraints, (c) => c.name),
    triggers: sortBy(t.triggers, (tr) => tr.name),
  };
}

function partitionNote(t: Table): string {
  return t.partitionOf === null ? '' : `partition of ${qualified(t.partitionOf.schema, t.partitionOf.table)}, `;
}

function compareTables(expected: readonly Table[], actual: readonly Table[]): Comparison {
  const out: Comparison = { findings: [], present: [] };
  const diff = diffKeyed(expected, actual, tableKey);

  const expectedKeys = new Set(expected.map(tableKey));
  const parentsWithExpectedPartitions = new Set(
    expected.flatMap((t) => (t.partitionOf === null ? [] : [tableKey({ schema: t.partitionOf.schema, name: t.partitionOf.table })])),
  );

  for (const t of diff.missing) {
    out.findings.push({
      kind: 'missing_table',
      object: { schema: t.schema, table: t.name },
      expected: { ...tableValue(t), description: t.comment },
      actual: null,
      message: `table ${qualified(t.schema, t.name)} is missing (expected ${partitionNote(t)}${plural(t.columns.length, 'column')})`,
    });
  }
  for (const t of diff.unexpected) {
    if (t.partitionOf !== null) {
      const parent = tableKey({ schema: t.partitionOf.schema, name: t.partitionOf.table });
      if (expectedKeys.has(parent) && !parentsWithExpectedPartitions.has(parent)) continue;
    }
    out.findings.push({
      kind: 'unexpected_table',
      object: { schema: t.schema, table: t.name },
      expected: null,
      actual: tableValue(t),
      message: `table ${qualified(t.schema, t.name)} is not in the expected schema (${partitionNote(t)}${plural(t.columns.length, 'column')})`,
    });
  }
  for (const pair of diff.common) {
    const c = compareTable(pair.expected, pair.actual);
    out.findings.push(...c.findings);
    out.present.push(...c.present);
  }
  return out;
}

// ---------------------------------------------------------------- sorting

const KIND_RANK = new Map<FindingKind, number>(FINDING_KINDS.map((k, i) => [k, i]));
const PRESENT_RANK: Record<PresentKind, number> = { enum: 0, table: 1, column: 2, index: 3, constraint: 4 };

/** Position of an object in reports: schema, enums before tables, container, member kind, member. */
function objectOrder(o: FindingObject): [string, number, string, number, string] {
  const containerRank = o.enum !== undefined ? 0 : 1;
  const container = o.enum ?? o.table ?? '';
  const memberRank =
    o.column !== undefined ? 1 : o.index !== undefined ? 2 : o.constraint !== undefined ? 3 : o.value !== undefined ? 1 : 0;
  const member = o.column ?? o.index ?? o.constraint ?? o.value ?? '';
  return [o.schema, containerRank, container, memberRank, member];
}

function compareObjects(x: FindingObject, y: FindingObject): number {
  const a = objectOrder(x);
  const b = objectOrder(y);
  return (
    compareText(a[0], b[0]) ||
    a[1] - b[1] ||
    compareText(a[2], b[2]) ||
    a[3] - b[3] ||
    compareText(a[4], b[4])
  );
}

function compareDrafts(x: DraftFinding, y: DraftFinding): number {
  return (
    compareObjects(x.object, y.object) ||
    (KIND_RANK.get(x.kind) ?? 0) - (KIND_RANK.get(y.kind) ?? 0) ||
    compareText(findingId(x.kind, x.object), findingId(y.kind, y.object))
  );
}

function comparePresent(x: PresentObject, y: PresentObject): number {
  return compareObjects(x.object, y.object) || PRESENT_RANK[x.kind] - PRESENT_RANK[y.kind];
}
