/**
 * Compare one table present on both sides: its columns, indexes and
 * constraints. Tables themselves (missing, unexpected, partitions) are
 * matched in diff-schemas.ts.
 */
import { objectKey } from '../model/identifiers.js';
import type { Column, Constraint, Index, Table } from '../model/schema-model.js';
import { diffKeyed } from './diff-keyed.js';
import {
  columnText,
  describedBy,
  constraintText,
  defaultText,
  generatedText,
  identityText,
  insertsMustSupply,
  nullabilityText,
  oneLine,
  qualified,
  typeText,
} from './describe.js';
import type { Comparison, DraftFinding, FindingObject } from './findings.js';

/** Deep equality of JSON-like values (primitives, arrays, plain objects); key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameValue(x[k], y[k]));
}

/** Names of the fields whose values differ, in the expected projection's key order. */
function differingFields(expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const out = Object.keys(expected).filter((key) => !sameValue(expected[key], actual[key]));
  for (const key of Object.keys(actual)) if (!Object.hasOwn(expected, key)) out.push(key);
  return out;
}

// ---------------------------------------------------------------- columns

function columnObject(t: Table, column: string): FindingObject {
  return { schema: t.schema, table: t.name, column };
}

/** One finding per differing aspect of a column present on both sides. */
export function compareColumn(t: Table, e: Column, a: Column): DraftFinding[] {
  const object = columnObject(t, e.name);
  const name = qualified(t.schema, t.name, e.name);
  const out: DraftFinding[] = [];

  if (e.type !== a.type || e.collation !== a.collation) {
    out.push({
      kind: 'column_type_mismatch',
      object,
      expected: { type: e.type, collation: e.collation },
      actual: { type: a.type, collation: a.collation },
      message: `column ${name} has type ${typeText(a.type, a.collation)}, expected ${typeText(e.type, e.collation)}`,
    });
  }
  if (e.nullable !== a.nullable) {
    out.push({
      kind: 'column_nullability_mismatch',
      object,
      expected: { nullable: e.nullable },
      actual: { nullable: a.nullable },
      message: `column ${name} is ${nullabilityText(a.nullable)}, expected ${nullabilityText(e.nullable)}`,
    });
  }
  if (e.identity !== a.identity) {
    // A serial column shows here as "no identity" with a nextval() default:
    // say so, and do not report the default separately.
    const actualDefault = a.identity === null && a.default !== null ? ` (${defaultText(a.default)})` : '';
    out.push({
      kind: 'column_identity_mismatch',
      object,
      expected: { identity: e.identity, default: e.default },
      actual: { identity: a.identity, default: a.default },
      message: `column ${name} has ${identityText(a.identity)}${actualDefault}, expected ${identityText(e.identity)}`,
    });
  }
  const sameGenerated =
    e.generated === a.generated ||
    (e.generated !== null &&
      a.generated !== null &&
      e.generated.expression === a.generated.expression &&
      e.generated.kind === a.generated.kind);
  if (!sameGenerated) {
    out.push({
      kind: 'column_generated_mismatch',
      object,
      expected: { generated: e.generated },
      actual: { generated: a.generated },
      message: `column ${name} is ${generatedText(a.generated)}, expected ${generatedText(e.generated)}`,
    });
  }
  // Identity and generated columns have no default of their own; when either
  // side is one, the finding above (or equality) covers the value.
  const plain = e.identity === null && a.identity === null && e.generated === null && a.generated === null;
  if (plain && e.default !== a.default) {
    out.push({
      kind: 'column_default_mismatch',
      object,
      expected: { default: e.default },
      actual: { default: a.default },
      message: `column ${name} has ${defaultText(a.default)}, expected ${defaultText(e.default)}`,
    });
  }
  return out;
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

function compareColumns(e: Table, a: Table, out: Comparison): ReadonlySet<string> {
  const diff = diffKeyed(e.columns, a.columns, (c) => c.name);
  const missing = new Set(diff.missing.map((c) => c.name));
  const owned = constraintsOfMissingColumns(e, missing);
  for (const c of diff.missing) {
    const constraints = owned.get(c.name) ?? [];
    const withText = constraints.length ? `; with ${constraints.map((k) => `${k.name} ${constraintText(k)}`).join('; ')}` : '';
    out.findings.push({
      kind: 'missing_column',
      object: columnObject(e, c.name),
      expected: { ...c, description: c.comment, constraints: constraints.map((k) => ({ ...k, description: k.comment })) },
      actual: null,
      message: `column ${qualified(e.schema, e.name, c.name)} is missing (expected ${columnText(c)}${withText})`,
    });
  }
  for (const c of diff.unexpected) {
    const consequence = insertsMustSupply(c) ? ': INSERTs that omit it will fail' : '';
    out.findings.push({
      kind: 'unexpected_column',
      object: columnObject(a, c.name),
      expected: null,
      actual: c,
      message: `column ${qualified(a.schema, a.name, c.name)} is not in the expected schema (${columnText(c)}${consequence})`,
    });
  }
  for (const { expected, actual } of diff.common) {
    const findings = compareColumn(e, expected, actual);
    out.findings.push(...findings);
    out.present.push({
      kind: 'column',
      object: columnObject(e, expected.name),
      ...describedBy(expected.comment),
      identical: findings.length === 0,
    });
  }
  return missing;
}

// ------------------------------------------------------------ constraints

/**
 * What makes two constraints the same: the kind-specific fields. Not the
 * name (the key), not `validated` (NOT VALID is advice, not drift), not the
 * comment, and not the definition text, except for exclusion constraints,
 * whose elements and operators exist only there.
 */
export function constraintShape(c: Constraint): Record<string, unknown> {
  const common = { kind: c.kind, deferrable: c.deferrable, initiallyDeferred: c.initiallyDeferred };
  switch (c.kind) {
    case 'primary_key':
      return { ...common, columns: [...c.columns] };
    case 'unique':
      return { ...common, columns: [...c.columns], nullsNotDistinct: c.nullsNotDistinct };
    case 'foreign_key':
      return {
        ...common,
        columns: [...c.columns],
        references: { schema: c.references.schema, table: c.references.table, columns: [...c.references.columns] },
        onDelete: c.onDelete,
        onUpdate: c.onUpdate,
        match: c.match,
      };
    case 'check':
      return { ...common, expression: c.expression, noInherit: c.noInherit };
    case 'exclusion':
      return { ...common, definition: c.definition };
  }
}

function constraintObject(t: Table, constraint: string): FindingObject {
  return { schema: t.schema, table: t.name, constraint };
}

/** Names of the constraints reported missing, unexpected and mismatched (to fold index findings into them). */
interface ConstraintOutcome {
  readonly missing: ReadonlySet<string>;
  readonly unexpected: ReadonlySet<string>;
  readonly mismatched: ReadonlySet<string>;
}

function compareConstraints(e: Table, a: Table, missingColumns: ReadonlySet<string>, out: Comparison): ConstraintOutcome {
  const diff = diffKeyed(e.constraints, a.constraints, (c) => c.name);
  const mismatched = new Set<string>();
  for (const c of diff.missing) {
    // Reported with its missing column (compareColumns).
    if (c.columns.some((name) => missingColumns.has(name))) continue;
    out.findings.push({
      kind: 'missing_constraint',
      object: constraintObject(e, c.name),
      expected: { ...c, description: c.comment },
      actual: null,
      message: `constraint ${qualified(e.schema, e.name, c.name)} is missing (expected ${constraintText(c)})`,
    });
  }
  for (const c of diff.unexpected) {
    out.findings.push({
      kind: 'unexpected_constraint',
      object: constraintObject(a, c.name),
      expected: null,
      actual: c,
      message: `constraint ${qualified(a.schema, a.name, c.name)} is not in the expected schema (${constraintText(c)})`,
    });
  }
  for (const { expected, actual } of diff.common) {
    const fields = differingFields(constraintShape(expected), constraintShape(actual));
    if (fields.length > 0) {
      mismatched.add(expected.name);
      out.findings.push({
        kind: 'constraint_mismatch',
        object: constraintObject(e, expected.name),
        expected,
        actual,
        message:
          `constraint ${qualified(e.schema, e.name, expected.name)} differs in ${fields.join(', ')} ` +
          `(expected ${constraintText(expected)}, actual ${constraintText(actual)})`,
      });
    }
    out.present.push({
      kind: 'constraint',
      object: constraintObject(e, expected.name),
      ...describedBy(expected.comment),
      identical: fields.length === 0,
    });
  }
  return {
    missing: new Set(diff.missing.map((c) => c.name)),
    unexpected: new Set(diff.unexpected.map((c) => c.name)),
    mismatched,
  };
}

// ---------------------------------------------------------------- indexes

/**
 * What makes two indexes the same: their structure. Not the name (the key),
 * not `definition` (it embeds the index name and the table's schema), not
 * `valid` (a state, not a shape), not the backing constraint's name.
 */
export function indexShape(i: Index): Record<string, unknown> {
  return {
    method: i.method,
    unique: i.unique,
    primary: i.primary,
    keys: i.keys.map((k) => ({
      column: k.column,
      expression: k.expression,
      order: k.order,
      nulls: k.nulls,
      opclass: k.opclass,
      collation: k.collation,
    })),
    include: [...i.include],
    where: i.where,
    nullsNotDistinct: i.nullsNotDistinct,
  };
}

function indexObject(t: Table, index: string): FindingObject {
  return { schema: t.schema, table: t.name, index };
}

/**
 * Indexes that implement a constraint (primary key, unique, exclusion) are
 * reported through the constraint when the constraint itself is missing,
 * unexpected or different: one finding, and remediation that adds the
 * constraint does not also create its index.
 */
function compareIndexes(e: Table, a: Table, constraints: ConstraintOutcome, out: Comparison): void {
  const diff = diffKeyed(e.indexes, a.indexes, (i) => i.name);
  for (const i of diff.missing) {
    if (i.constraint !== null && constraints.missing.has(i.constraint)) continue;
    out.findings.push({
      kind: 'missing_index',
      object: indexObject(e, i.name),
      expected: { ...i, description: i.comment },
      actual: null,
      message: `index ${qualified(e.schema, e.name, i.name)} is missing (expected ${oneLine(i.definition)})`,
    });
  }
  for (const i of diff.unexpected) {
    if (i.constraint !== null && constraints.unexpected.has(i.constraint)) continue;
    out.findings.push({
      kind: 'unexpected_index',
      object: indexObject(a, i.name),
      expected: null,
      actual: i,
      message: `index ${qualified(a.schema, a.name, i.name)} is not in the expected schema (${oneLine(i.definition)})`,
    });
  }
  for (const { expected, actual } of diff.common) {
    const fields = differingFields(indexShape(expected), indexShape(actual));
    const folded =
      (expected.constraint !== null && constraints.mismatched.has(expected.constraint)) ||
      (actual.constraint !== null && constraints.mismatched.has(actual.constraint));
    if (fields.length > 0 && !folded) {
      out.findings.push({
        kind: 'index_mismatch',
        object: indexObject(e, expected.name),
        expected,
        actual,
        message:
          `index ${qualified(e.schema, e.name, expected.name)} differs in ${fields.join(', ')} ` +
          `(expected ${oneLine(expected.definition)}, actual ${oneLine(actual.definition)})`,
      });
    }
    out.present.push({ kind: 'index', object: indexObject(e, expected.name), ...describedBy(expected.comment), identical: fields.length === 0 });
  }
}

// ------------------------------------------------------------------ table

/** Columns, constraints and indexes of a table that exists on both sides; the table itself is present. */
/** What a table is, beyond its columns: partitioning and persistence. */
function tableShape(t: Table): { kind: Table['kind']; partitionKey: string | null; partitionOf: Table['partitionOf']; unlogged: boolean } {
  return { kind: t.kind, partitionKey: t.partitionKey, partitionOf: t.partitionOf, unlogged: t.unlogged };
}

/** `a table`, `an UNLOGGED table`, `a table partitioned by RANGE (day)`, `a partition of public.events FOR VALUES ...`. */
function describeShape(s: ReturnType<typeof tableShape>): string {
  const structure = s.partitionOf
    ? `partition of ${qualified(s.partitionOf.schema, s.partitionOf.table)} ${s.partitionOf.bound}`
    : s.kind === 'partitioned_table'
      ? `table partitioned by ${s.partitionKey ?? '?'}`
      : 'table';
  return `${s.unlogged ? 'an UNLOGGED' : 'a'} ${structure}`;
}

function compareTableShape(e: Table, a: Table, out: Comparison): void {
  const expected = tableShape(e);
  const actual = tableShape(a);
  const fields = differingFields(expected, actual);
  if (fields.length === 0) return;
  out.findings.push({
    kind: 'table_mismatch',
    object: { schema: e.schema, table: e.name },
    expected,
    actual,
    message: `table ${qualified(e.schema, e.name)} differs in ${fields.join(', ')} (is ${describeShape(actual)}; expected ${describeShape(expected)})`,
  });
}

export function compareTable(e: Table, a: Table): Comparison {
  const out: Comparison = { findings: [], present: [] };
  compareTableShape(e, a, out);
  const missingColumns = compareColumns(e, a, out);
  const constraints = compareConstraints(e, a, missingColumns, out);
  compareIndexes(e, a, constraints, out);
  out.present.push({
    kind: 'table',
    object: { schema: e.schema, table: e.name },
    ...describedBy(e.comment),
    identical: out.findings.length === 0,
  });
  return out;
}

/** The key tables are matched by. */
export function tableKey(t: { readonly schema: string; readonly name: string }): string {
  return objectKey(t.schema, t.name);
}
