/**
 * Models behind a checked-in JSON report (test/render/fixtures/*-report.json),
 * rebuilt from what its findings say, so its findings can be planned without
 * a database: each table a finding names is on the sides the finding says,
 * with the columns, indexes and constraints the findings carry (a column a
 * mismatch names gets the side's value of the aspect that differs; anything
 * else takes the builders' defaults). Live row estimates and enum labels
 * come from the report's inventory.
 *
 * Known limitation: an approximation of the audited databases (objects no
 * finding names are absent), good for exercising the planner, not for
 * reproducing the report's own remediation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DriftFinding } from '../../src/findings/kinds.js';
import type { Finding } from '../../src/findings/finding.js';
import type { Column, EnumType, SchemaModel, Table } from '../../src/model/schema-model.js';
import { col, model, table } from '../diff/builders.js';
import { ROOT } from '../support/cli.js';

interface ReportJson {
  readonly findings: readonly Finding[];
  readonly inventory: {
    readonly tables: readonly { readonly schema: string; readonly name: string; readonly rowEstimate: number | null }[];
    readonly enums: readonly EnumType[];
  };
}

/** A report fixture's findings and the models rebuilt from them. */
export interface ReportDrift {
  readonly findings: readonly Finding[];
  readonly expected: SchemaModel;
  readonly live: SchemaModel;
}

type Side = 'expected' | 'live';

class Sides {
  readonly tables = new Map<string, { expected: Table | null; live: Table | null }>();
  readonly enums = new Map<string, { expected: EnumType | null; live: EnumType | null }>();

  constructor(private readonly rows: ReadonlyMap<string, number | null>) {}

  table(schema: string, name: string): { expected: Table | null; live: Table | null } {
    const k = `${schema}.${name}`;
    let pair = this.tables.get(k);
    if (!pair) {
      const base = table(name, { schema });
      pair = { expected: base, live: { ...base, rowEstimate: this.rows.get(k) ?? null } };
      this.tables.set(k, pair);
    }
    return pair;
  }

  patch(side: Side, schema: string, name: string, fn: (t: Table) => Table): void {
    const pair = this.table(schema, name);
    const t = pair[side];
    if (t) pair[side] = fn(t);
  }

  column(side: Side, schema: string, tableName: string, name: string, over: Partial<Column>): void {
    this.patch(side, schema, tableName, (t) => {
      const found = t.columns.find((c) => c.name === name);
      const c = { ...(found ?? col(name, 'text', { position: t.columns.length + 1 })), ...over };
      return { ...t, columns: found ? t.columns.map((x) => (x === found ? c : x)) : [...t.columns, c] };
    });
  }
}

function apply(s: Sides, f: DriftFinding): void {
  const o = f.object;
  const t = o.table ?? '';
  switch (f.kind) {
    case 'missing_table':
      s.table(o.schema, t).expected = { ...f.expected, rowEstimate: null };
      s.table(o.schema, t).live = null;
      return;
    case 'unexpected_table':
      s.table(o.schema, t).live = { ...f.actual, rowEstimate: s.table(o.schema, t).live?.rowEstimate ?? null };
      s.table(o.schema, t).expected = null;
      return;
    case 'table_mismatch':
      s.patch('expected', o.schema, t, (x) => ({ ...x, ...f.expected }));
      s.patch('live', o.schema, t, (x) => ({ ...x, ...f.actual }));
      return;
    case 'missing_column':
      s.column('expected', o.schema, t, f.expected.name, f.expected);
      s.patch('expected', o.schema, t, (x) => ({ ...x, constraints: [...x.constraints, ...f.expected.constraints] }));
      s.table(o.schema, t);
      return;
    case 'unexpected_column':
      s.column('live', o.schema, t, f.actual.name, f.actual);
      s.table(o.schema, t);
      return;
    case 'column_type_mismatch':
    case 'column_nullability_mismatch':
    case 'column_default_mismatch':
    case 'column_identity_mismatch':
    case 'column_generated_mismatch':
      s.column('expected', o.schema, t, o.column ?? '', f.expected);
      s.column('live', o.schema, t, o.column ?? '', f.actual);
      return;
    case 'missing_index':
      s.patch('expected', o.schema, t, (x) => ({ ...x, indexes: [...x.indexes, f.expected] }));
      return;
    case 'unexpected_index':
      s.patch('live', o.schema, t, (x) => ({ ...x, indexes: [...x.indexes, f.actual] }));
      return;
    case 'index_mismatch':
      s.patch('expected', o.schema, t, (x) => ({ ...x, indexes: [...x.indexes, f.expected] }));
      s.patch('live', o.schema, t, (x) => ({ ...x, indexes: [...x.indexes, f.actual] }));
      return;
    case 'missing_constraint':
      s.patch('expected', o.schema, t, (x) => ({ ...x, constraints: [...x.constraints, f.expected] }));
      return;
    case 'unexpected_constraint':
      s.patch('live', o.schema, t, (x) => ({ ...x, constraints: [...x.constraints, f.actual] }));
      return;
    case 'constraint_mismatch':
      s.patch('expected', o.schema, t, (x) => ({ ...x, constraints: [...x.constraints, f.expected] }));
      s.patch('live', o.schema, t, (x) => ({ ...x, constraints: [...x.constraints, f.actual] }));
      return;
    case 'missing_enum':
      s.enums.set(`${o.schema}.${o.enum}`, { expected: f.expected, live: null });
      return;
    case 'unexpected_enum':
      s.enums.set(`${o.schema}.${o.enum}`, { expected: null, live: f.actual });
      return;
    case 'enum_value_order_mismatch':
      s.enums.set(`${o.schema}.${o.enum}`, {
        expected: { schema: o.schema, name: o.enum ?? '', values: f.expected, comment: null },
        live: { schema: o.schema, name: o.enum ?? '', values: f.actual, comment: null },
      });
      return;
    case 'enum_value_missing':
    case 'enum_value_unexpected':
      return; // see valueEnums
  }
}

/** The labels of an enum the report's value findings name: the live ones, less the unexpected, plus the missing (at the end). */
function valueEnums(s: Sides, report: ReportJson): void {
  for (const e of report.inventory.enums) {
    const k = `${e.schema}.${e.name}`;
    const values = report.findings.filter((f) => f.object.enum === e.name && f.object.schema === e.schema && f.kind.startsWith('enum_value_') && f.kind !== 'enum_value_order_mismatch');
    if (values.length === 0 || s.enums.has(k)) continue;
    const unexpected = new Set(values.filter((f) => f.kind === 'enum_value_unexpected').map((f) => f.object.value));
    const missing = values.filter((f) => f.kind === 'enum_value_missing').map((f) => f.object.value ?? '');
    s.enums.set(k, { expected: { ...e, comment: null, values: [...e.values.filter((v) => !unexpected.has(v)), ...missing] }, live: { ...e, comment: null } });
  }
}

/** The findings of `test/render/fixtures/<name>-report.json`, and models that fit them. */
export function reportDrift(name: string): ReportDrift {
  const report = JSON.parse(readFileSync(path.join(ROOT, 'test', 'render', 'fixtures', `${name}-report.json`), 'utf8')) as ReportJson;
  const s = new Sides(new Map(report.inventory.tables.map((t) => [`${t.schema}.${t.name}`, t.rowEstimate])));
  for (const f of report.findings) if (f.category === 'drift') apply(s, f as DriftFinding);
  valueEnums(s, report);
  const side = (which: Side): SchemaModel => ({
    ...model(),
    tables: [...s.tables.values()].flatMap((p) => (p[which] ? [p[which]] : [])),
    enums: [...s.enums.values()].flatMap((p) => (p[which] ? [p[which]] : [])),
  });
  return { findings: report.findings, expected: side('expected'), live: side('live') };
}
