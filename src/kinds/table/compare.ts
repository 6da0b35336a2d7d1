/**
 * Compare tables: matched by (schema, name); those on both sides member by
 * member, through the member kinds (columns, constraints, indexes), with
 * what crosses them: a missing column carries the constraints over it, and
 * an index is reported through the constraint it implements.
 */
import { diffKeyed } from '../../diff/diff-keyed.js';
import type { Comparison, DraftFinding, FindingObject } from '../../findings/finding.js';
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
import { comparePolicies } from '../policy/compare.js';
import type { PolicyFinding } from '../policy/findings.js';
import type { TableFinding, TableValue } from './findings.js';
import type { Table } from './model.js';
import { describeShape, tableAspects, tableShape } from './shape.js';

/** The findings of a table and of its members. */
export type TableFamilyFinding = TableFinding | ColumnFinding | ConstraintFinding | IndexFinding | TriggerFinding | PolicyFinding;

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
    ...(t.policies ? { policies: sortBy(t.policies, (p) => p.name) } : {}),
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

/**
 * True when `e` and `a` are partitioned differently (a plain table against a
 * partitioned one, or another partition key): PostgreSQL cannot ALTER one
 * into the other, the table is rebuilt whole.
 */
export function partitionedDifferently(e: { readonly kind: Table['kind']; readonly partitionKey: string | null }, a: { readonly kind: Table['kind']; readonly partitionKey: string | null }): boolean {
  return e.kind !== a.kind || e.partitionKey !== a.partitionKey;
}

/** `missing column extra`, `unexpected index t_idx`: a member finding folded into its table's. */
function memberNote(f: DraftFinding<TableFamilyFinding>): string {
  const o = f.object;
  const name = o.column ?? o.index ?? o.constraint ?? o.trigger ?? o.policy ?? '';
  return `${f.kind.replace(/_/g, ' ')} ${name}`.trim();
}

/**
 * A table that exists on both sides: its shape, columns, constraints,
 * indexes, triggers and row-level security; the table itself is present.
 * A table partitioned differently is one finding: it is rebuilt whole, so
 * its members' differences are named in its message, not findings of their own.
 */
export function compareTable(e: Table, a: Table): Comparison<TableFamilyFinding> {
  const out: Comparison<TableFamilyFinding> = { findings: [], present: [] };
  const members: DraftFinding<TableFamilyFinding>[] = [];
  const collect = (c: Comparison<TableFamilyFinding>, into: DraftFinding<TableFamilyFinding>[] = members): void => {
    for (const f of c.findings) into.push(f);
    for (const p of c.present) out.present.push(p);
  };
  const shape = compareTableShape(e, a);
  const columns = compareColumns(e, a, (missing) => constraintsOfMissingColumns(e, missing));
  collect(columns.comparison);
  const constraints = compareConstraints(e, a, columns.missing);
  collect(constraints.comparison);
  collect(compareIndexes(e, a, constraints.outcome));
  collect(compareTriggers(e, a));
  collect(comparePolicies(e, a));
  const rebuilt = shape.findings[0];
  if (rebuilt && partitionedDifferently(e, a)) {
    const notes = members.map(memberNote);
    const more = notes.length > 8 ? `, and ${notes.length - 8} more` : '';
    const message = notes.length ? `${rebuilt.message}; rebuilding it also settles ${plural(notes.length, 'member difference')}: ${notes.slice(0, 8).join(', ')}${more}` : rebuilt.message;
    out.findings.push({ ...rebuilt, message });
  } else {
    collect(shape, out.findings);
    out.findings.push(...members);
  }
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
 *
 * A column difference of a partition (or an inheritance child) that its
 * parent (compared too) has in the same way is reported once, on the
 * parent: PostgreSQL adds, alters and drops a parent's columns on every
 * partition and child itself, and refuses ADD COLUMN on a partition.
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
  const compared = new Map(diff.common.map((pair) => [tableKey(pair.expected), { pair, comparison: compareTable(pair.expected, pair.actual) }]));
  for (const { pair, comparison } of compared.values()) {
    const inherited = new Set<string>();
    for (const parent of sharedParents(pair.expected, pair.actual)) {
      for (const signature of columnFindingsOf(compared.get(parent)?.comparison.findings ?? [])) inherited.add(signature);
    }
    for (const f of comparison.findings) if (!inherited.has(columnFindingSignature(f) ?? '')) out.findings.push(f);
    for (const p of comparison.present) out.present.push(p);
  }
  return out;
}

/** The keys of the tables both sides make `e`/`a` from: the partition parent, the inheritance parents. */
function sharedParents(e: Table, a: Table): string[] {
  const parents = (t: Table): string[] => [
    ...(t.partitionOf ? [objectKey(t.partitionOf.schema, t.partitionOf.table)] : []),
    ...(t.inherits ?? []).map((p) => objectKey(p.schema, p.table)),
  ];
  const actual = new Set(parents(a));
  return parents(e).filter((key) => actual.has(key));
}

/** Column finding kinds a partition inherits from its parent: PostgreSQL applies the parent's ALTER to every partition. */
const INHERITED_COLUMN_KINDS: ReadonlySet<string> = new Set([
  'missing_column',
  'unexpected_column',
  'column_type_mismatch',
  'column_nullability_mismatch',
  'column_default_mismatch',
  'column_identity_mismatch',
  'column_generated_mismatch',
]);

/**
 * What makes a column finding the same on a partition as on its parent: the
 * kind and the column, and for a difference the values on both sides (a
 * partition's own default or NOT NULL is its own finding). Null for other findings.
 */
function columnFindingSignature(f: DraftFinding<TableFamilyFinding>): string | null {
  if (!INHERITED_COLUMN_KINDS.has(f.kind) || f.object.column === undefined) return null;
  if (f.kind === 'missing_column' || f.kind === 'unexpected_column') return `${f.kind}\u0000${f.object.column}`;
  return `${f.kind}\u0000${f.object.column}\u0000${JSON.stringify(f.expected)}\u0000${JSON.stringify(f.actual)}`;
}

function columnFindingsOf(findings: readonly DraftFinding<TableFamilyFinding>[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    const signature = columnFindingSignature(f);
    if (signature !== null) out.add(signature);
  }
  return out;
}
