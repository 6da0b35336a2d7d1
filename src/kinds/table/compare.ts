/**
 * Compare tables: matched by (schema, name); those on both sides member by
 * member, through the member kinds (columns, constraints, indexes), with
 * what crosses them: a missing column carries the constraints over it, and
 * an index is reported through the constraint it implements.
 */
import { diffKeyed } from '../../diff/diff-keyed.js';
import type { Comparison, FindingObject } from '../../findings/finding.js';
import { describedBy, plural, qualified } from '../../findings/words.js';
import { objectKey } from '../../model/identifiers.js';
import { compareText, sortBy } from '../../model/sort.js';
import { compareColumns } from '../column/compare.js';
import type { ColumnFinding } from '../column/findings.js';
import { compareConstraints } from '../constraint/compare.js';
import type { ConstraintFinding } from '../constraint/findings.js';
import type { Constraint } from '../constraint/model.js';
import { compareIndexes } from '../index/compare.js';
import type { IndexFinding } from '../index/findings.js';
import { compareTriggers } from '../trigger/compare.js';
import type { TriggerFinding } from '../trigger/findings.js';
import type { TableFinding, TableValue } from './findings.js';
import type { Table } from './model.js';
import { describeShape, tableAspects, tableShape } from './shape.js';

/** The findings of a table and of its members. */
export type TableFamilyFinding = TableFinding | ColumnFinding | ConstraintFinding | IndexFinding | TriggerFinding;

/** The key tables are matched by. */
export function tableKey(t: { readonly schema: string; readonly name: string }): string {
  return objectKey(t.schema, t.name);
}

function tableObject(t: Table): FindingObject {
  return { schema: t.schema, table: t.name };
}

/** A table as findings show it (see {@link TableValue}). */
function tableValue(t: Table): TableValue {
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

/**
 * Expected constraints that go with a missing column instead of being
 * findings of their own: those over at least one missing column, each given
 * to the first missing column it covers (in the constraint's column order).
 */
function constraintsOfMissingColumns(e: Table, missing: ReadonlySet<string>): Map<string, Constraint[]> {
  const out = new Map<string, Constraint[]>();
  for (const c of e.constraints) {
    const owner = c.columns.find((name) => missing.has(name));
    if (owner === undefined) continue;
    const list = out.get(owner);
    if (list) list.push(c);
    else out.set(owner, [c]);
  }
  return out;
}

function compareTableShape(e: Table, a: Table): Comparison<TableFinding> {
  const out: Comparison<TableFinding> = { findings: [], present: [] };
  const expected = tableShape(e);
  const actual = tableShape(a);
  const fields = tableAspects(expected, actual);
  if (fields.length === 0) return out;
  out.findings.push({
    kind: 'table_mismatch',
    object: tableObject(e),
    expected,
    actual,
    message: `table ${qualified(e.schema, e.name)} differs in ${fields.join(', ')} (is ${describeShape(actual)}; expected ${describeShape(expected)})`,
  });
  return out;
}

/** A table that exists on both sides: its shape, columns, constraints, indexes and triggers; the table itself is present. */
export function compareTable(e: Table, a: Table): Comparison<TableFamilyFinding> {
  const out: Comparison<TableFamilyFinding> = { findings: [], present: [] };
  const collect = (c: Comparison<TableFamilyFinding>): void => {
    for (const f of c.findings) out.findings.push(f);
    for (const p of c.present) out.present.push(p);
  };
  collect(compareTableShape(e, a));
  const columns = compareColumns(e, a, (missing) => constraintsOfMissingColumns(e, missing));
  collect(columns.comparison);
  const constraints = compareConstraints(e, a, columns.missing);
  collect(constraints.comparison);
  collect(compareIndexes(e, a, constraints.outcome));
  collect(compareTriggers(e, a));
  out.present.push({ kind: 'table', object: tableObject(e), ...describedBy(e.comment), identical: out.findings.length === 0 });
  return out;
}

/**
 * Match tables by (schema, name). A missing (or unexpected) table is one
 * finding; its contents are not reported separately.
 *
 * Partitions are tables like any other, with one exception: when the
 * expected tables include no partition at all of an expected parent, the
 * actual partitions of that parent are not reported (partitions are often
 * created at run time and a spec seldom lists them). Once some partitions
 * of a parent are expected, every other partition of it is unexpected.
 */
export function compareTables(expected: readonly Table[], actual: readonly Table[]): Comparison<TableFamilyFinding> {
  const out: Comparison<TableFamilyFinding> = { findings: [], present: [] };
  const diff = diffKeyed(expected, actual, tableKey);
  const expectedKeys = new Set(expected.map(tableKey));
  const parentsWithExpectedPartitions = new Set(
    expected.flatMap((t) => (t.partitionOf === null ? [] : [objectKey(t.partitionOf.schema, t.partitionOf.table)])),
  );
  for (const t of diff.missing) {
    out.findings.push({
      kind: 'missing_table',
      object: tableObject(t),
      expected: { ...tableValue(t), description: t.comment },
      actual: null,
      message: `table ${qualified(t.schema, t.name)} is missing (expected ${partitionNote(t)}${plural(t.columns.length, 'column')})`,
    });
  }
  for (const t of diff.unexpected) {
    if (t.partitionOf !== null) {
      const parent = objectKey(t.partitionOf.schema, t.partitionOf.table);
      if (expectedKeys.has(parent) && !parentsWithExpectedPartitions.has(parent)) continue;
    }
    out.findings.push({
      kind: 'unexpected_table',
      object: tableObject(t),
      expected: null,
      actual: tableValue(t),
      message: `table ${qualified(t.schema, t.name)} is not in the expected schema (${partitionNote(t)}${plural(t.columns.length, 'column')})`,
    });
  }
  for (const pair of diff.common) {
    const c = compareTable(pair.expected, pair.actual);
    for (const f of c.findings) out.findings.push(f);
    for (const p of c.present) out.present.push(p);
  }
  return out;
}
