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

/** The section, or nothing when no drift finding is about a table. */
export function driftDiagram(report: AuditReport, drift: readonly DriftFinding[]): string[] {
  const entities = new Map<string, Entity>();
  const entity = (schema: string, table: string): Entity => {
    const key = objectKey(schema, table);
    let e = entities.get(key);
    if (!e) entities.set(key, (e = { key, schema, table, findings: [] }));
    return e;
  };
  for (const f of drift) if (f.object.table !== undefined) entity(f.object.schema, f.object.table).findings.push(f);
  if (entities.size === 0) return [];
  const fks: readonly InventoryForeignKey[] = report.inventory.foreignKeys;
  for (const fk of fks) {
    entity(fk.schema, fk.table);
    entity(fk.references.schema, fk.references.table);
  }
  const byName = (a: Entity, b: Entity) => compareText(a.schema, b.schema) || compareText(a.table, b.table);
  const all = [...entities.values()].sort((a, b) => b.findings.length - a.findings.length || byName(a, b));
  const drawn = all.slice(0, MAX_TABLES).sort(byName);
  const drawnKeys = new Set(drawn.map((e) => e.key));
  // Labels: the name (schema-qualified outside public) and its mark; two names made alike by the alphabet get a number.
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const e of drawn) {
    const mark = tableMark(e);
    const base = mermaidText(`${e.schema === 'public' ? e.table : `${e.schema}.${e.table}`}${mark ? ` (${mark})` : ''}`);
    let label = base;
    for (let i = 2; used.has(label); i++) label = `${base} ${i}`;
    used.add(label);
    labels.set(e.key, label);
  }
  const lines = ['```mermaid', 'erDiagram'];
  for (const e of drawn) {
    const columns = new Map<string, string>();
    for (const f of e.findings) {
      const o = f.object;
      const column = o.column !== undefined && o.index === undefined && o.constraint === undefined ? o.column : undefined;
      if (column !== undefined && !columns.has(column)) columns.set(column, status(f));
    }
    const names = [...columns.keys()].sort(compareText);
    if (!names.length) {
      lines.push(`  "${labels.get(e.key)}"`);
      continue;
    }
    lines.push(`  "${labels.get(e.key)}" {`);
    for (const c of names.slice(0, MAX_COLUMNS)) {
      const name = attributeName(c);
      lines.push(`    ${columns.get(c)} ${name}${name === c ? '' : ` "${mermaidText(c)}"`}`);
    }
    if (names.length > MAX_COLUMNS) lines.push(`    more columns "${names.length - MAX_COLUMNS} more with drift"`);
    lines.push('  }');
  }
  let edges = 0;
  for (const fk of fks) {
    const from = objectKey(fk.schema, fk.table);
    const to = objectKey(fk.references.schema, fk.references.table);
    if (!drawnKeys.has(from) || !drawnKeys.has(to)) continue;
    edges++;
    const line = fk.side === 'both' ? '--' : '..';
    const label = fk.side === 'both' ? fk.name : `${fk.side === 'expected' ? 'missing' : 'unexpected'}: ${fk.name}`;
    lines.push(`  "${labels.get(from)}" }o${line}|| "${labels.get(to)}" : "${mermaidText(label)}"`);
  }
  lines.push('```');
  const left = all.length - drawn.length;
  const text = [
    `The tables with drift and the tables one foreign key away: a table's mark says it is missing, unexpected, or how many differences it has, and its columns with drift are listed (missing, unexpected, differs). ${
      edges ? 'A line is a foreign key; a dashed one only one side has (missing from the database, or unexpected in it).' : 'No foreign key joins them.'
    }`,
  ];
  if (left > 0) text.push(`${plural(left, 'more table')} with drift or next to it ${left === 1 ? 'is' : 'are'} not drawn; the sections below list every finding.`);
  return ['### Drift Diagram', text.join(' '), lines.join('\n')];
}
