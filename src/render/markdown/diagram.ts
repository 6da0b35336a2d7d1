/**
 * A Mermaid ER diagram of the drift: the tables a drift finding is about,
 * marked (missing, unexpected, or how many differences), with their columns
 * that have drift, and the tables one foreign key away; foreign keys only
 * one side has are dashed and labelled. GitHub and GitLab draw it.
 *
 * Names come from the database and the spec: untrusted. Inside the fence
 * only a safe alphabet is written (letters, digits, space and `_ . , : ( ) /
 * + -`); anything else becomes `_`, so no text can close a string, start a
 * Mermaid comment or directive, or end the code fence. Big drifts are cut to
 * {@link MAX_TABLES} tables and {@link MAX_COLUMNS} columns a table, and the
 * text says what was left out: the sections below list every finding.
 */
import type { InventoryForeignKey } from '../../audit-relations.js';
import type { AuditReport } from '../../audit.js';
import { findingDefinition, type DriftFinding } from '../../findings/kinds.js';
import { objectKey } from '../../model/identifiers.js';
import { compareText } from '../../model/sort.js';
import { plural } from './syntax.js';

export const MAX_TABLES = 40;
export const MAX_COLUMNS = 12;

interface Entity {
  readonly key: string;
  readonly schema: string;
  readonly table: string;
  /** Drift findings about the table or its parts. */
  readonly findings: DriftFinding[];
}

/** Text safe inside a Mermaid string: the safe alphabet, one line, at most `max` characters. */
export function mermaidText(text: string, max = 80): string {
  const safe = [...text].map((ch) => (/[\p{L}\p{N} _.,:()/+-]/u.test(ch) ? ch : '_')).join('');
  const chars = [...safe];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : safe;
}

/** A Mermaid attribute name: `[A-Za-z_][A-Za-z0-9_-]*`. */
function attributeName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  return /^[A-Za-z_]/.test(s) ? s : `_${s}`;
}

const STATUS = { missing: 'missing', unexpected: 'unexpected', mismatch: 'differs' } as const;

function status(f: DriftFinding): string {
  return STATUS[findingDefinition(f.kind).effect];
}

function tableMark(e: Entity): string {
  if (e.findings.some((f) => f.kind === 'missing_table')) return 'missing';
  if (e.findings.some((f) => f.kind === 'unexpected_table')) return 'unexpected';
  return e.findings.length ? plural(e.findings.length, 'difference') : '';
}

/** A table of the diagram: its label (safe alphabet, unique) and its columns with drift. */
export interface DiagramTable {
  readonly key: string;
  readonly label: string;
  /** `missing`, `unexpected`, `N differences`, or '' for a neighbour without drift. */
  readonly mark: string;
  readonly columns: readonly { readonly status: string; readonly name: string }[];
  /** Columns with drift beyond {@link MAX_COLUMNS}. */
  readonly moreColumns: number;
}

/** What the diagram shows, for Mermaid (markdown) and SVG (html) alike. */
export interface DiagramModel {
  readonly tables: readonly DiagramTable[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly side: InventoryForeignKey['side']; readonly label: string }[];
  /** Tables with drift or next to it left out ({@link MAX_TABLES}). */
  readonly left: number;
}

/** The tables with drift, their neighbours and the foreign keys between them; null when no drift finding is about a table. */
export function diagramModel(report: AuditReport, drift: readonly DriftFinding[]): DiagramModel | null {
  const entities = new Map<string, Entity>();
  const entity = (schema: string, table: string): Entity => {
    const key = objectKey(schema, table);
    let e = entities.get(key);
    if (!e) entities.set(key, (e = { key, schema, table, findings: [] }));
    return e;
  };
  for (const f of drift) if (f.object.table !== undefined) entity(f.object.schema, f.object.table).findings.push(f);
  if (entities.size === 0) return null;
  const fks: readonly InventoryForeignKey[] = report.inventory.foreignKeys;
  for (const fk of fks) {
    entity(fk.schema, fk.table);
    entity(fk.references.schema, fk.references.table);
  }
  const byName = (a: Entity, b: Entity) => compareText(a.schema, b.schema) || compareText(a.table, b.table);
  const all = [...entities.values()].sort((a, b) => b.findings.length - a.findings.length || byName(a, b));
  const drawn = all.slice(0, MAX_TABLES).sort(byName);
  // Labels: the name (schema-qualified outside public) and its mark; two names made alike by the alphabet get a number.
  const used = new Set<string>();
  const tables: DiagramTable[] = drawn.map((e) => {
    const mark = tableMark(e);
    const base = mermaidText(`${e.schema === 'public' ? e.table : `${e.schema}.${e.table}`}${mark ? ` (${mark})` : ''}`);
    let label = base;
    for (let i = 2; used.has(label); i++) label = `${base} ${i}`;
    used.add(label);
    const columns = new Map<string, string>();
    for (const f of e.findings) {
      const o = f.object;
      const column = o.column !== undefined && o.index === undefined && o.constraint === undefined ? o.column : undefined;
      if (column !== undefined && !columns.has(column)) columns.set(column, status(f));
    }
    const names = [...columns.keys()].sort(compareText);
    return {
      key: e.key,
      label,
      mark,
      columns: names.slice(0, MAX_COLUMNS).map((name) => ({ status: columns.get(name)!, name })),
      moreColumns: Math.max(0, names.length - MAX_COLUMNS),
    };
  });
  const drawnKeys = new Set(drawn.map((e) => e.key));
  const edges = fks
    .map((fk) => ({
      from: objectKey(fk.schema, fk.table),
      to: objectKey(fk.references.schema, fk.references.table),
      side: fk.side,
      label: mermaidText(fk.side === 'both' ? fk.name : `${fk.side === 'expected' ? 'missing' : 'unexpected'}: ${fk.name}`),
    }))
    .filter((e) => drawnKeys.has(e.from) && drawnKeys.has(e.to));
  return { tables, edges, left: all.length - drawn.length };
}

/** The words above the diagram. */
export function diagramText(model: DiagramModel): string {
  const text = [
    `The tables with drift and the tables one foreign key away: a table's mark says it is missing, unexpected, or how many differences it has, and its columns with drift are listed (missing, unexpected, differs). ${
      model.edges.length ? 'A line is a foreign key; a dashed one only one side has (missing from the database, or unexpected in it).' : 'No foreign key joins them.'
    }`,
  ];
  if (model.left > 0) text.push(`${plural(model.left, 'more table')} with drift or next to it ${model.left === 1 ? 'is' : 'are'} not drawn; the sections below list every finding.`);
  return text.join(' ');
}

/** The section, or nothing when no drift finding is about a table. */
export function driftDiagram(report: AuditReport, drift: readonly DriftFinding[]): string[] {
  const model = diagramModel(report, drift);
  if (!model) return [];
  const label = new Map(model.tables.map((t) => [t.key, t.label]));
  const lines = ['```mermaid', 'erDiagram'];
  for (const t of model.tables) {
    if (!t.columns.length) {
      lines.push(`  "${t.label}"`);
      continue;
    }
    lines.push(`  "${t.label}" {`);
    for (const c of t.columns) {
      const name = attributeName(c.name);
      lines.push(`    ${c.status} ${name}${name === c.name ? '' : ` "${mermaidText(c.name)}"`}`);
    }
    if (t.moreColumns > 0) lines.push(`    more columns "${t.moreColumns} more with drift"`);
    lines.push('  }');
  }
  for (const e of model.edges) {
    lines.push(`  "${label.get(e.from)}" }o${e.side === 'both' ? '--' : '..'}|| "${label.get(e.to)}" : "${e.label}"`);
  }
  lines.push('```');
  return ['### Drift Diagram', diagramText(model), lines.join('\n')];
}
