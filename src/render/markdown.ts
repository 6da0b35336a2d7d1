import { migrationRecommendation, migrationRollback } from './markdown-migration.js';
import { redactCredentials } from '../redact.js';
import type { AuditReport, InventoryTable } from '../audit.js';
import type { Finding, FindingObject, PresentObject } from '../findings/finding.js';
import { FINDING_KINDS } from '../findings/kinds.js';
import { objectKey, quoteIdent } from '../model/identifiers.js';

/**
 * The audit report as a Markdown document, in the layout of the OneKeel Swarm
 * hand-written audit (Overview, Current Schema Analysis, Missing Elements
 * Analysis, Recommendations, Rollback Procedures, Conclusion), with every
 * statement computed from the report.
 *
 * Rules worth knowing (the tests pin them):
 *
 * - Only known fields of the report are printed. The target is host, port
 *   (left out when 0), database, user and server version; the report holds no
 *   password, and an expected source that looks like a URL with credentials is
 *   redacted anyway.
 * - Names are shown as PostgreSQL needs them (`quoteIdent`), qualified with
 *   their schema only outside `public`.
 * - Text from the report (descriptions, messages, enum labels) is escaped;
 *   in descriptions, column names of the table that contain `_` (and
 *   `backticked` words) become inline code. Table cells escape `|`.
 * - "Already exist" note under Missing Columns: it names the expected columns
 *   of that table that are present and that the missing columns build on —
 *   named in a missing column's description (a word containing `_`, or in
 *   backticks) or in its generation expression, default or check expressions —
 *   and documented present columns (with a description) whose name starts with
 *   the same word as a missing column (`enrolled_at` next to `enrolled_by`),
 *   which a reader could take for the missing one. Otherwise no note.
 * - Findings with category `advice` are not drift: index-related ones (kind
 *   contains `index`, or the object is an index) are listed with the table
 *   under Index Optimization Opportunities, the rest under `### Advice`
 *   (present only when there are some); both by kind and message only.
 *
 * Deterministic: no clock, no locale; the same report gives the same bytes.
 */
export function renderMarkdown(report: AuditReport): string {
  const a = analyse(report);
  const blocks: string[] = [];
  blocks.push('# Database Schema Audit Report');
  blocks.push(...overview(report, a));
  blocks.push(...currentSchema(report, a));
  blocks.push(...missingElements(report, a));
  blocks.push(...recommendations(report, a));
  blocks.push(...rollback(report, a));
  blocks.push(...conclusion(report, a));
  return `${blocks.join('\n\n').replace(/[ \t]+$/gm, '')}\n`;
}

// ---------------------------------------------------------------------------
// Markdown primitives

/** Fold whitespace runs (newlines included) to one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Escape text for Markdown prose and table cells (pipes are the cell's job,
 * see {@link cell}). `_` is escaped only where it could start or end emphasis
 * (intraword underscores never do), so `lead_campaign_enrollments` stays
 * readable in the source.
 */
export function escapeMarkdown(text: string): string {
  const s = oneLine(text);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '_') {
      const before = s[i - 1] ?? '';
      const after = s[i + 1] ?? '';
      out += /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}_]/u.test(after) ? '_' : '\\_';
    } else if ('\\`*[]<>$~&#'.includes(ch)) {
      out += `\\${ch}`;
    } else {
      out += ch;
    }
  }
  // Line-start syntax (`#`, `-`, `1.`) needs no escape: the renderer never starts a line with report text.
  return out;
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const s = oneLine(text);
  if (s === '') return '` `';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A table cell: Markdown already formatted, with every `|` escaped (GFM splits cells even inside code spans). */
export function cell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** `a`, `a and b`, `a, b and c`. */
function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function count(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count(n)} ${n === 1 ? singular : pluralForm}`;
}

/** `the new column` / `the 3 new columns`. */
function the(n: number, singular: string, pluralForm = `${singular}s`): string {
  return n === 1 ? `the ${singular}` : `the ${count(n)} ${pluralForm}`;
}

/** ` (composite)`, ` (all composite)`, ` (2 of them composite)` or nothing. */
function compositeNote(composite: number, total: number): string {
  if (composite === 0) return '';
  if (composite === total) return total === 1 ? ' (composite)' : ' (all composite)';
  return ` (${count(composite)} of them composite)`;
}

/** The marker of item `i` (0-based) of a numbered list, and the indent of its nested lines. */
function numbered(i: number): { marker: string; indent: string } {
  const marker = `${i + 1}. `;
  return { marker, indent: ' '.repeat(marker.length) };
}

function rowsText(estimate: number | null): string | null {
  if (estimate === null || estimate < 0) return null;
  if (estimate === 0) return 'empty';
  return `about ${plural(estimate, 'row')}`;
}

// ---------------------------------------------------------------------------
// Names

function name(schema: string, object: string): string {
  return schema === 'public' ? quoteIdent(object) : `${quoteIdent(schema)}.${quoteIdent(object)}`;
}

/** `leads`, `billing.invoices`, `leads.score`, `lead_status` — the object a finding is about (enum labels excluded). */
function objectName(o: FindingObject): string {
  const parts: string[] = [];
  if (o.schema !== 'public') parts.push(o.schema);
  const container = o.table ?? o.enum;
  if (container !== undefined) parts.push(container);
  const member = o.column ?? o.index ?? o.constraint;
  if (member !== undefined) parts.push(member);
  if (parts.length === 0) parts.push(o.schema);
  return parts.map(quoteIdent).join('.');
}

function tableKey(schema: string, table: string): string {
  return objectKey(schema, table);
}

// ---------------------------------------------------------------------------
// Reading the report's loosely typed parts (finding.expected / actual)

type Rec = Readonly<Record<string, unknown>>;

function isRec(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown, key: string): string | null {
  if (!isRec(value)) return null;
  const v = value[key];
  return typeof v === 'string' ? v : null;
}

function bool(value: unknown, key: string): boolean | null {
  if (!isRec(value)) return null;
  const v = value[key];
  return typeof v === 'boolean' ? v : null;
}

function list(value: unknown, key?: string): readonly unknown[] {
  const v = key === undefined ? value : isRec(value) ? value[key] : undefined;
  return Array.isArray(v) ? v : [];
}

function strings(value: unknown, key?: string): string[] {
  return list(value, key).filter((x): x is string => typeof x === 'string');
}

/** A model column, as a missing or unexpected column finding carries it. */
interface ColumnInfo {
  readonly name: string;
  readonly position: number;
  readonly type: string;
  readonly collation: string | null;
  readonly nullable: boolean;
  readonly default: string | null;
  readonly identity: string | null;
  readonly generated: { readonly expression: string; readonly kind: string } | null;
  readonly description: string | null;
  readonly constraints: readonly Rec[];
}

function columnInfo(value: unknown, fallbackName: string): ColumnInfo {
  const generated = isRec(value) && isRec(value.generated) ? value.generated : null;
  const position = isRec(value) && typeof value.position === 'number' ? value.position : Number.MAX_SAFE_INTEGER;
  return {
    name: str(value, 'name') ?? fallbackName,
    position,
    type: str(value, 'type') ?? 'unknown type',
    collation: str(value, 'collation'),
    nullable: bool(value, 'nullable') ?? true,
    default: str(value, 'default'),
    identity: str(value, 'identity'),
    generated: generated === null ? null : { expression: str(generated, 'expression') ?? '', kind: str(generated, 'kind') ?? 'stored' },
    description: str(value, 'description') ?? str(value, 'comment'),
    constraints: list(value, 'constraints').filter(isRec),
  };
}

function needsBackfill(c: ColumnInfo): boolean {
  return !c.nullable && c.default === null && c.identity === null && c.generated === null;
}

function typeText(c: { type: string; collation: string | null }): string {
  return c.collation === null ? c.type : `${c.type} COLLATE ${c.collation}`;
}

function identityText(identity: string): string {
  return identity === 'always' ? 'generated always as identity' : 'generated by default as identity';
}

/** `` `users(id)` `` for a foreign key's target. */
function referenceText(c: Rec): string | null {
  const ref = c.references;
  if (!isRec(ref)) return null;
  const target = name(str(ref, 'schema') ?? 'public', str(ref, 'table') ?? '?');
  const cols = strings(ref, 'columns').map(quoteIdent).join(', ');
  return code(cols === '' ? target : `${target}(${cols})`);
}

/** One constraint a missing column carries, in words: `references \`users(id)\` on delete set null`. */
function constraintFacts(c: Rec): string {
  const kind = str(c, 'kind');
  const definition = str(c, 'definition') ?? str(c, 'name') ?? '?';
  switch (kind) {
    case 'foreign_key': {
      const target = referenceText(c);
      if (target === null) return `foreign key ${code(definition)}`;
      const actions: string[] = [];
      const onDelete = str(c, 'onDelete');
      const onUpdate = str(c, 'onUpdate');
      if (onDelete !== null && onDelete !== 'NO ACTION') actions.push(`on delete ${onDelete.toLowerCase()}`);
      if (onUpdate !== null && onUpdate !== 'NO ACTION') actions.push(`on update ${onUpdate.toLowerCase()}`);
      return [`references ${target}`, ...actions].join(' ');
    }
    case 'check':
      return `check ${code(str(c, 'expression') ?? definition)}`;
    case 'unique': {
      const cols = strings(c, 'columns');
      return cols.length > 1 ? `unique with ${listJoin(cols.map((x) => code(quoteIdent(x))))}` : 'unique';
    }
    case 'primary_key':
      return 'primary key';
    default:
      return code(definition);
  }
}

/** `` `integer`, nullable; check `(score >= 0)` `` */
function columnFacts(c: ColumnInfo): string {
  const attrs = [code(typeText(c)), c.nullable ? 'nullable' : 'NOT NULL'];
  if (c.identity !== null) attrs.push(identityText(c.identity));
  else if (c.generated !== null) attrs.push(`generated always as ${code(c.generated.expression)} (${c.generated.kind})`);
  else if (c.default !== null) attrs.push(`default ${code(c.default)}`);
  const constraints = c.constraints.map(constraintFacts);
  return [attrs.join(', '), ...constraints].join('; ');
}

/** A model index, as index findings carry it. */
interface IndexInfo {
  readonly name: string;
  readonly method: string;
  readonly unique: boolean;
  readonly keys: readonly string[];
  /** Key column names (expression keys excluded). */
  readonly keyColumns: readonly string[];
  readonly include: readonly string[];
  readonly where: string | null;
  readonly definition: string | null;
  readonly description: string | null;
}

function indexInfo(value: unknown, fallbackName: string): IndexInfo {
  const keys: string[] = [];
  const keyColumns: string[] = [];
  for (const k of list(value, 'keys')) {
    const column = str(k, 'column');
    const expression = str(k, 'expression');
    let text = column !== null ? quoteIdent(column) : expression ?? '?';
    if (column !== null) keyColumns.push(column);
    const collation = str(k, 'collation');
    const opclass = str(k, 'opclass');
    const order = str(k, 'order') ?? 'asc';
    const nulls = str(k, 'nulls');
    if (collation !== null) text += ` COLLATE ${collation}`;
    if (opclass !== null) text += ` ${opclass}`;
    if (order === 'desc') text += ' DESC';
    if (nulls !== null && nulls !== (order === 'desc' ? 'first' : 'last')) text += ` NULLS ${nulls.toUpperCase()}`;
    keys.push(text);
  }
  return {
    name: str(value, 'name') ?? fallbackName,
    method: str(value, 'method') ?? 'btree',
    unique: bool(value, 'unique') ?? false,
    keys,
    keyColumns,
    include: strings(value, 'include'),
    where: str(value, 'where'),
    definition: str(value, 'definition'),
    description: str(value, 'description') ?? str(value, 'comment'),
  };
}

// ---------------------------------------------------------------------------
// Descriptions: escaped prose with column names as inline code

/** Identifier-like words of prose: any word containing `_`, and backticked words. */
function proseIdentifiers(text: string): Set<string> {
  const found = new Set<string>();
  const parts = oneLine(text).split('`');
  parts.forEach((part, i) => {
    if (i % 2 === 1 && i < parts.length - 1) found.add(part.trim());
    else for (const w of part.match(/[\p{L}_][\p{L}\p{N}_$]*/gu) ?? []) if (w.includes('_')) found.add(w);
  });
  return found;
}

/** Identifiers an SQL expression mentions (string literals skipped; "quoted" ones unquoted). */
function expressionIdentifiers(expression: string): Set<string> {
  const found = new Set<string>();
  const re = /'(?:[^']|'')*'|"((?:[^"]|"")*)"|([\p{L}_][\p{L}\p{N}_$]*)/gu;
  for (const m of expression.matchAll(re)) {
    if (m[1] !== undefined) found.add(m[1].replace(/""/g, '"'));
    else if (m[2] !== undefined) found.add(m[2]);
  }
  return found;
}

/**
 * A description as Markdown: escaped, with `backticked` spans kept as code and
 * the given identifiers (words containing `_`) turned into code.
 */
function prose(text: string, identifiers: ReadonlySet<string> = new Set()): string {
  const parts = oneLine(text).split('`');
  // An odd number of parts means balanced backticks.
  const balanced = parts.length % 2 === 1;
  if (!balanced) return words(oneLine(text), identifiers);
  return parts.map((part, i) => (i % 2 === 1 ? code(part) : words(part, identifiers))).join('');
}

function words(text: string, identifiers: ReadonlySet<string>): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/[\p{L}_][\p{L}\p{N}_$]*/gu)) {
    const w = m[0];
    if (!w.includes('_') || !identifiers.has(w)) continue;
    const start = m.index ?? 0;
    out += preserveSpace(text.slice(last, start)) + code(quoteIdent(w));
    last = start + w.length;
  }
  return out + preserveSpace(text.slice(last));
}

/** Escape a fragment but keep its leading and trailing space (escapeMarkdown trims). */
function preserveSpace(fragment: string): string {
  if (fragment === '') return '';
  const lead = /^\s/.test(fragment) ? ' ' : '';
  const trail = /\s$/.test(fragment) && fragment.trim() !== '' ? ' ' : '';
  const body = escapeMarkdown(fragment);
  return body === '' ? ' ' : `${lead}${body}${trail}`;
}

// ---------------------------------------------------------------------------
// Analysis: the report split into what each section needs

const MISSING_ELEMENT_KINDS = new Set(['missing_table', 'missing_column', 'missing_index']);
/** Kinds that add something without changing what exists. */
const ADDITIVE_KINDS = new Set(['missing_table', 'missing_column', 'missing_index', 'missing_enum', 'enum_value_missing', 'missing_constraint']);
/** Kinds about something the database has and the expected schema does not define. */
const UNEXPECTED_KINDS = new Set([
  'unexpected_table',
  'unexpected_column',
  'unexpected_index',
  'unexpected_enum',
  'unexpected_constraint',
  'enum_value_unexpected',
]);
const SEVERITY_RANK: Readonly<Record<string, number>> = { error: 0, warning: 1, info: 2 };
const KIND_RANK = new Map<string, number>(FINDING_KINDS.map((k, i) => [k, i]));

interface MissingColumn {
  readonly finding: Finding;
  readonly column: ColumnInfo;
}

interface TableGroup<T> {
  readonly schema: string;
  readonly table: string;
  readonly items: T[];
}

interface Analysis {
  readonly advice: readonly Finding[];
  readonly indexAdvice: readonly Finding[];
  readonly otherAdvice: readonly Finding[];
  readonly missingTables: readonly Finding[];
  readonly missingColumns: readonly TableGroup<MissingColumn>[];
  readonly missingColumnCount: number;
  readonly missingIndexes: readonly Finding[];
  /** Drift outside the three missing-element kinds, in display order. */
  readonly other: readonly Finding[];
  readonly presentByTable: ReadonlyMap<string, readonly PresentObject[]>;
  readonly inventory: ReadonlyMap<string, InventoryTable>;
  readonly presentCount: Readonly<Record<string, number>>;
  readonly unexpectedTables: ReadonlySet<string>;
  readonly unexpectedEnums: ReadonlySet<string>;
}

function isAdvice(f: Finding): boolean {
  return (f.category as string) === 'advice';
}

function isIndexRelated(f: Finding): boolean {
  return (f.kind as string).includes('index') || f.object.index !== undefined;
}

function groupByTable<T>(items: readonly T[], objectOf: (item: T) => FindingObject): TableGroup<T>[] {
  const groups = new Map<string, TableGroup<T>>();
  for (const item of items) {
    const o = objectOf(item);
    const key = tableKey(o.schema, o.table ?? '');
    let g = groups.get(key);
    if (g === undefined) {
      g = { schema: o.schema, table: o.table ?? '', items: [] };
      groups.set(key, g);
    }
    g.items.push(item);
  }
  return [...groups.values()];
}

function analyse(report: AuditReport): Analysis {
  const advice = report.findings.filter(isAdvice);
  const drift = report.findings.filter((f) => !isAdvice(f));
  const missingColumnFindings = drift.filter((f) => f.kind === 'missing_column');
  const missingColumns = groupByTable(
    missingColumnFindings.map((finding) => ({ finding, column: columnInfo(finding.expected, finding.object.column ?? '?') })),
    (m) => m.finding.object,
  );
  for (const g of missingColumns) {
    g.items.sort((x, y) => x.column.position - y.column.position || (x.column.name < y.column.name ? -1 : x.column.name > y.column.name ? 1 : 0));
  }
  const order = new Map(report.findings.map((f, i) => [f, i]));
  const other = drift
    .filter((f) => !MISSING_ELEMENT_KINDS.has(f.kind))
    .sort(
      (x, y) =>
        (SEVERITY_RANK[x.severity] ?? 9) - (SEVERITY_RANK[y.severity] ?? 9) ||
        (KIND_RANK.get(x.kind) ?? 99) - (KIND_RANK.get(y.kind) ?? 99) ||
        (order.get(x) ?? 0) - (order.get(y) ?? 0),
    );
  const presentByTable = new Map<string, PresentObject[]>();
  const presentCount: Record<string, number> = {};
  for (const p of report.present) {
    presentCount[p.kind] = (presentCount[p.kind] ?? 0) + 1;
    if (p.object.table === undefined) continue;
    const key = tableKey(p.object.schema, p.object.table);
    const entry = presentByTable.get(key);
    if (entry === undefined) presentByTable.set(key, [p]);
    else entry.push(p);
  }
  return {
    advice,
    indexAdvice: advice.filter(isIndexRelated),
    otherAdvice: advice.filter((f) => !isIndexRelated(f)),
    missingTables: drift.filter((f) => f.kind === 'missing_table'),
    missingColumns,
    missingColumnCount: missingColumnFindings.length,
    missingIndexes: drift.filter((f) => f.kind === 'missing_index'),
    other,
    presentByTable,
    inventory: new Map(report.inventory.tables.map((t) => [tableKey(t.schema, t.name), t])),
    presentCount,
    unexpectedTables: new Set(
      drift.filter((f) => f.kind === 'unexpected_table').map((f) => tableKey(f.object.schema, f.object.table ?? '')),
    ),
    unexpectedEnums: new Set(drift.filter((f) => f.kind === 'unexpected_enum').map((f) => tableKey(f.object.schema, f.object.enum ?? ''))),
  };
}

function expectedTableCount(a: Analysis): number {
  return (a.presentCount.table ?? 0) + a.missingTables.length;
}

function expectedEnumCount(report: AuditReport, a: Analysis): number {
  return (a.presentCount.enum ?? 0) + report.findings.filter((f) => f.kind === 'missing_enum').length;
}

/** Column names of a table the report knows (present expected ones and missing ones). */
function tableColumnNames(a: Analysis, schema: string, table: string): Set<string> {
  const names = new Set<string>();
  for (const p of a.presentByTable.get(tableKey(schema, table)) ?? []) {
    if (p.kind === 'column' && p.object.column !== undefined) names.add(p.object.column);
  }
  for (const g of a.missingColumns) if (g.schema === schema && g.table === table) for (const m of g.items) names.add(m.column.name);
  return names;
}

function tableRows(a: Analysis, schema: string, table: string): number | null {
  return a.inventory.get(tableKey(schema, table))?.rowEstimate ?? null;
}

// ---------------------------------------------------------------------------
// Sections

/** What each kind of expected source is, in words. */
const EXPECTED_KIND_WORDS: Readonly<Record<string, string>> = {
  spec: 'spec',
  sql: 'SQL file',
  migrations: 'migrations folder',
  snapshot: 'model snapshot',
  database: 'reference database',
};

/** A URL's password never reaches the document, even if a caller left one in. */

function hostText(report: AuditReport): string {
  const t = report.target;
  return t.port === 0 ? t.host : `${t.host}:${t.port}`;
}

function overview(report: AuditReport, a: Analysis): string[] {
  const t = report.target;
  const kindWords = EXPECTED_KIND_WORDS[report.expected.kind] ?? `${escapeMarkdown(report.expected.kind)} source`;
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
    ['Drift findings', `${count(s.total)} (${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${count(s.info)} info)`],
    ['Ignored findings', count(report.ignored.length)],
  );
  // Advice (DBA checks) is not drift: its own row, when the checks ran or left findings.
  const adviceRan = isRec((report as unknown as Rec).advice);
  if (adviceRan || a.advice.length > 0) {
    const by = (severity: string): number => a.advice.filter((f) => f.severity === severity).length;
    rows.push([
      'Advice',
      a.advice.length === 0
        ? 'none'
        : `${count(a.advice.length)} (${plural(by('error'), 'error')}, ${plural(by('warning'), 'warning')}, ${count(by('info'))} info)`,
    ]);
  }
  return [
    '## Overview',
    paragraph,
    table(['Item', 'Value'], rows),
    `The full SHA-256 of the expected schema's content is ${code(report.expected.sha256)}.`,
  ];
}

function currentSchema(report: AuditReport, a: Analysis): string[] {
  const out = ['## Current Schema Analysis', '### Core Tables'];
  const tables = report.inventory.tables;
  if (tables.length === 0) {
    out.push('The database has no tables in the audited schemas.');
  } else {
    const anyRows = tables.some((t) => t.rowEstimate !== null);
    out.push(`The database has ${plural(tables.length, 'table')}${anyRows ? " (row counts are the planner's estimates)" : ''}:`);
    out.push(
      tables
        .map((t, i) => {
          const notes: string[] = [];
          const rows = rowsText(t.rowEstimate);
          if (rows !== null) notes.push(rows);
          if (a.unexpectedTables.has(tableKey(t.schema, t.name))) notes.push('not in the expected schema');
          const head = `${i + 1}. **${escapeMarkdown(name(t.schema, t.name))}** - `;
          if (t.description !== null && oneLine(t.description) !== '') {
            return `${head}${prose(t.description)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
          }
          return `${head}(no description${notes.length > 0 ? `; ${notes.join('; ')}` : ''})`;
        })
        .join('\n'),
    );
  }
  out.push('### Enums');
  const enums = report.inventory.enums;
  if (enums.length === 0) {
    out.push('The database has no enums in the audited schemas.');
  } else {
    out.push(`The database has ${plural(enums.length, 'enum')}, with their values in order:`);
    out.push(
      enums
        .map((e, i) => {
          const values = e.values.length === 0 ? '(no values)' : e.values.map((v) => escapeMarkdown(v)).join(', ');
          const note = a.unexpectedEnums.has(tableKey(e.schema, e.name)) ? ' (not in the expected schema)' : '';
          return `${i + 1}. **${escapeMarkdown(name(e.schema, e.name))}** - ${values}${note}`;
        })
        .join('\n'),
    );
  }
  return out;
}

function missingElements(report: AuditReport, a: Analysis): string[] {
  return [
    '## Missing Elements Analysis',
    ...missingTables(a),
    ...missingColumnsSection(a),
    ...indexSection(a),
    ...otherDrift(report, a),
    ...adviceSection(a),
  ];
}

function missingTables(a: Analysis): string[] {
  const out = ['### Missing Tables'];
  const total = expectedTableCount(a);
  if (a.missingTables.length === 0) {
    out.push(total === 1 ? 'The 1 expected table is present.' : `All ${plural(total, 'expected table')} are present.`);
    return out;
  }
  out.push(`${count(a.missingTables.length)} of the ${plural(total, 'expected table')} ${a.missingTables.length === 1 ? 'is' : 'are'} missing:`);
  out.push(
    a.missingTables
      .map((f, i) => {
        const e = f.expected;
        const columns = list(e, 'columns').map((c) => str(c, 'name') ?? '?');
        const indexes = list(e, 'indexes').length;
        const identifiers = new Set(columns);
        const description = str(e, 'description') ?? str(e, 'comment');
        const facts = [
          columns.length === 0 ? 'no columns' : `${plural(columns.length, 'column')}: ${columns.map((c) => code(quoteIdent(c))).join(', ')}`,
        ];
        if (indexes > 0) facts.push(plural(indexes, 'index', 'indexes'));
        const label = `${i + 1}. **${escapeMarkdown(objectName(f.object))}** - `;
        return description !== null && oneLine(description) !== ''
          ? `${label}${prose(description, identifiers)} (${facts.join('; ')})`
          : `${label}(no description; ${facts.join('; ')})`;
      })
      .join('\n'),
  );
  return out;
}

/** The present expected columns of a table that its missing columns build on or could be mistaken for (see the module comment). */
function alreadyPresent(a: Analysis, group: TableGroup<MissingColumn>): PresentObject[] {
  const present = (a.presentByTable.get(tableKey(group.schema, group.table)) ?? []).filter(
    (p): p is PresentObject & { object: { column: string } } => p.kind === 'column' && p.object.column !== undefined,
  );
  const missingNames = new Set(group.items.map((m) => m.column.name));
  const mentioned = new Set<string>();
  for (const { column } of group.items) {
    if (column.description !== null) for (const w of proseIdentifiers(column.description)) mentioned.add(w);
    const expressions = [column.generated?.expression ?? null, column.default];
    for (const c of column.constraints) if (str(c, 'kind') === 'check') expressions.push(str(c, 'expression'));
    for (const e of expressions) if (e !== null) for (const w of expressionIdentifiers(e)) mentioned.add(w);
  }
  const firstWord = (n: string): string => n.split('_')[0] ?? n;
  const missingFirstWords = new Set([...missingNames].filter((n) => n.includes('_')).map(firstWord));
  return present.filter((p) => {
    const col = p.object.column;
    if (missingNames.has(col)) return false;
    if (mentioned.has(col)) return true;
    return p.description !== undefined && col.includes('_') && missingFirstWords.has(firstWord(col));
  });
}

function missingColumnsSection(a: Analysis): string[] {
  const out = ['### Missing Columns'];
  if (a.missingColumns.length === 0) {
    const present = a.presentCount.column ?? 0;
    out.push(
      present === 0
        ? 'No expected column is missing.'
        : present === 1
          ? 'The 1 expected column of the present tables exists.'
          : `All ${plural(present, 'expected column')} of the present tables exist.`,
    );
    return out;
  }
  const items = a.missingColumns.map((g, i) => {
    const identifiers = tableColumnNames(a, g.schema, g.table);
    const { marker, indent } = numbered(i);
    const lines = [`${marker}**${escapeMarkdown(name(g.schema, g.table))} table**:`];
    for (const { column } of g.items) {
      const facts = columnFacts(column);
      const head = `${indent}- ${code(quoteIdent(column.name))} - `;
      lines.push(
        column.description !== null && oneLine(column.description) !== ''
          ? `${head}${prose(column.description, identifiers)} (${facts})`
          : `${head}${facts}`,
      );
    }
    const present = alreadyPresent(a, g);
    if (present.length > 0) {
      const names = present.map((p) => {
        const n = code(quoteIdent(p.object.column ?? '?'));
        return p.description !== undefined && oneLine(p.description) !== '' ? `${n} (${prose(p.description, identifiers)})` : n;
      });
      lines.push(`${indent}- Note: ${listJoin(names)} already ${present.length === 1 ? 'exists' : 'exist'} in the schema`);
    }
    return lines.join('\n');
  });
  const n = a.missingColumnCount;
  out.push(`${plural(n, 'expected column')} ${n === 1 ? 'is' : 'are'} missing from ${plural(a.missingColumns.length, 'table')}:`);
  out.push(items.join('\n\n'));
  return out;
}

function inventoryIndexText(i: InventoryTable['indexes'][number]): string {
  const notes = [escapeMarkdown(i.columns.join(', '))];
  if (i.primary) notes.push('primary key');
  else if (i.unique) notes.push('unique');
  if (i.method !== 'btree') notes.push(escapeMarkdown(i.method));
  if (i.partial) notes.push('partial');
  return `${code(quoteIdent(i.name))} (${notes.join('; ')})`;
}

function indexSection(a: Analysis): string[] {
  const out = ['### Index Optimization Opportunities'];
  const groups = groupByTable([...a.missingIndexes, ...a.indexAdvice], (f) => f.object);
  if (groups.length === 0) {
    const present = a.presentCount.index ?? 0;
    out.push(
      present === 0
        ? 'No expected index is missing.'
        : present === 1
          ? 'The 1 expected index exists.'
          : `All ${plural(present, 'expected index', 'expected indexes')} exist.`,
    );
    return out;
  }
  const composite = a.missingIndexes.filter((f) => indexInfo(f.expected, '').keys.length > 1).length;
  const described = a.missingIndexes.some((f) => {
    const d = indexInfo(f.expected, '').description;
    return d !== null && oneLine(d) !== '';
  });
  if (a.missingIndexes.length > 0) {
    out.push(
      `${plural(a.missingIndexes.length, 'expected index', 'expected indexes')} ${a.missingIndexes.length === 1 ? 'is' : 'are'} missing` +
        `${compositeNote(composite, a.missingIndexes.length)}; ${a.missingIndexes.length === 1 ? 'it is' : 'each is'} listed with ` +
        `${described ? 'the query it serves (where the expected schema says) and ' : ''}the indexes the table already has:`,
    );
  } else {
    out.push('The DBA checks have advice on these indexes:');
  }
  const items = groups.map((g, n) => {
    const identifiers = tableColumnNames(a, g.schema, g.table);
    const added = new Set(
      a.missingColumns.filter((m) => m.schema === g.schema && m.table === g.table).flatMap((m) => m.items.map((x) => x.column.name)),
    );
    const { marker, indent } = numbered(n);
    const lines = [`${marker}**${escapeMarkdown(name(g.schema, g.table))} table**:`];
    for (const f of g.items) {
      if (isAdvice(f)) {
        lines.push(`${indent}- Advice (${code(f.kind)}, ${escapeMarkdown(f.severity)}): ${escapeMarkdown(f.message)}`);
        continue;
      }
      const ix = indexInfo(f.expected, f.object.index ?? '?');
      const what = [ix.unique ? 'unique index' : ix.keys.length > 1 ? 'composite index' : 'index', code(quoteIdent(ix.name))];
      // Key columns the migration adds: said with the keys when all are new, else in a note.
      const needs = ix.keyColumns.filter((c) => added.has(c));
      const allNew = needs.length > 0 && needs.length === ix.keys.length;
      const on = allNew ? `the new ${needs.length === 1 ? 'column' : 'columns'} ` : '';
      let text = `Add ${what.join(' ')} on ${on}${ix.keys.map(code).join(', ')}`;
      if (ix.method !== 'btree') text += ` using ${escapeMarkdown(ix.method)}`;
      if (ix.include.length > 0) text += ` including ${ix.include.map((c) => code(quoteIdent(c))).join(', ')}`;
      if (ix.where !== null) text += ` where ${code(ix.where)}`;
      if (needs.length > 0 && !allNew) {
        text += ` (${listJoin(needs.map((c) => code(quoteIdent(c))))} ${needs.length === 1 ? 'is a new column' : 'are new columns'})`;
      }
      if (ix.description !== null && oneLine(ix.description) !== '') text += ` - ${prose(ix.description, identifiers)}`;
      lines.push(`${indent}- ${text}`);
    }
    const inv = a.inventory.get(tableKey(g.schema, g.table));
    if (inv !== undefined) {
      lines.push(`${indent}- Existing indexes: ${inv.indexes.length === 0 ? 'none' : inv.indexes.map(inventoryIndexText).join(', ')}`);
    }
    return lines.join('\n');
  });
  out.push(items.join('\n\n'));
  return out;
}

function valuesText(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : values.map((v) => escapeMarkdown(v)).join(', ');
}

function orNone(value: string | null): string {
  return value === null ? 'none' : code(value);
}

function generatedText(value: unknown): string {
  const g = isRec(value) && isRec(value.generated) ? value.generated : null;
  if (g === null) return 'not generated';
  return `generated as ${code(str(g, 'expression') ?? '?')} (${escapeMarkdown(str(g, 'kind') ?? 'stored')})`;
}

function identityFacts(value: unknown): string {
  const identity = str(value, 'identity');
  if (identity !== null) return identityText(identity);
  const def = str(value, 'default');
  return def === null ? 'no identity' : `no identity (default ${code(def)})`;
}

/** "differs in keys" → "keys", from the engine's message, when it says so. */
function differsIn(message: string): string {
  const m = /differs in ([^(]+?) \(/.exec(message);
  return m?.[1] !== undefined ? ` (${escapeMarkdown(m[1])})` : '';
}

/** The Finding cell of the Other Drift table: what differs, actual first, then what was expected. */
function otherFindingText(f: Finding): string {
  const e = f.expected;
  const x = f.actual;
  switch (f.kind) {
    case 'unexpected_table': {
      const cols = list(x, 'columns').length;
      return `Table not in the expected schema (${plural(cols, 'column')})`;
    }
    case 'unexpected_column':
      return `Column not in the expected schema: ${columnFacts({ ...columnInfo(x, f.object.column ?? '?'), constraints: [] })}`;
    case 'column_type_mismatch': {
      const type = (v: unknown): string => code(typeText({ type: str(v, 'type') ?? '?', collation: str(v, 'collation') }));
      return `Type is ${type(x)}; expected ${type(e)}`;
    }
    case 'column_nullability_mismatch': {
      const word = (v: unknown): string => (bool(v, 'nullable') === false ? 'NOT NULL' : 'nullable');
      return `Column is ${word(x)}; expected ${word(e)}`;
    }
    case 'column_default_mismatch':
      return `Default is ${orNone(str(x, 'default'))}; expected ${orNone(str(e, 'default'))}`;
    case 'column_identity_mismatch':
      return `Column has ${identityFacts(x)}; expected ${identityFacts(e)}`;
    case 'column_generated_mismatch':
      return `Column is ${generatedText(x)}; expected ${generatedText(e)}`;
    case 'unexpected_index':
      return `Index not in the expected schema: ${code(str(x, 'definition') ?? '?')}`;
    case 'index_mismatch':
      return `Index differs${differsIn(f.message)}: is ${code(str(x, 'definition') ?? '?')}; expected ${code(str(e, 'definition') ?? '?')}`;
    case 'missing_enum':
      return `Enum is missing; expected values: ${valuesText(strings(e, 'values'))}`;
    case 'unexpected_enum':
      return `Enum not in the expected schema; values: ${valuesText(strings(x, 'values'))}`;
    case 'enum_value_missing':
      return `Value ${code(typeof e === 'string' ? e : '?')} is missing`;
    case 'enum_value_unexpected':
      return `Value ${code(typeof x === 'string' ? x : '?')} is not in the expected schema`;
    case 'enum_value_order_mismatch':
      return `Values are in the order ${valuesText(strings(x))}; expected ${valuesText(strings(e))}`;
    case 'missing_constraint':
      return `Constraint is missing: ${code(str(e, 'definition') ?? '?')}`;
    case 'unexpected_constraint':
      return `Constraint not in the expected schema: ${code(str(x, 'definition') ?? '?')}`;
    case 'constraint_mismatch':
      return `Constraint differs${differsIn(f.message)}: is ${code(str(x, 'definition') ?? '?')}; expected ${code(str(e, 'definition') ?? '?')}`;
    default:
      return `${code(f.kind)}: ${escapeMarkdown(f.message)}`;
  }
}

function findingObjectText(f: Finding): string {
  const label = code(objectName(f.object));
  const o = f.object;
  const kind =
    o.column !== undefined
      ? 'column'
      : o.index !== undefined
        ? 'index'
        : o.constraint !== undefined
          ? 'constraint'
          : o.enum !== undefined
            ? 'enum'
            : o.table !== undefined
              ? 'table'
              : 'schema';
  return `${kind} ${label}`;
}

function otherDrift(report: AuditReport, a: Analysis): string[] {
  const out = ['### Other Drift'];
  if (a.other.length === 0) {
    out.push(
      'No other drift: column types, nullability, defaults, identity and generated columns, constraints and enums match the expected schema, ' +
        'and the database has no table, column, index, constraint or enum that the expected schema does not define.',
    );
  } else {
    const unexpected = a.other.filter((f) => UNEXPECTED_KINDS.has(f.kind)).length;
    const about = unexpected > 0 ? ` (${count(unexpected)} of them about objects or enum values the expected schema does not define)` : '';
    out.push(`${plural(a.other.length, 'other difference')}, most severe first${about}:`);
    out.push(
      table(
        ['Severity', 'Object', 'Finding'],
        a.other.map((f) => [escapeMarkdown(f.severity), findingObjectText(f), otherFindingText(f)]),
      ),
    );
  }
  if (report.ignored.length > 0) {
    out.push(`${plural(report.ignored.length, 'finding')} ${report.ignored.length === 1 ? 'was' : 'were'} ignored by the expected schema's rules:`);
    out.push(
      table(
        ['Finding', 'Rule', 'Reason'],
        report.ignored.map((i) => [code(i.findingId), code(i.pattern), escapeMarkdown(i.reason)]),
      ),
    );
  }
  return out;
}

function adviceSection(a: Analysis): string[] {
  if (a.otherAdvice.length === 0) return [];
  return [
    '### Advice',
    `The DBA checks have ${plural(a.otherAdvice.length, 'piece')} of advice; it is not drift (the expected schema does not ask for it):`,
    table(
      ['Severity', 'Object', 'Finding'],
      a.otherAdvice.map((f) => [escapeMarkdown(f.severity), findingObjectText(f), `${code(f.kind)}: ${escapeMarkdown(f.message)}`]),
    ),
  ];
}

function qualifiedColumn(schema: string, table: string, column: string): string {
  return code(`${name(schema, table)}.${quoteIdent(column)}`);
}

function rowsSuffix(rows: number | null): string {
  return rowsText(rows) ?? 'row count unknown';
}

/** `is` / `are`, `it` / `them`, `its` / `their` for a count. */
function isAre(n: number): string {
  return n === 1 ? 'is' : 'are';
}

function itThem(n: number): string {
  return n === 1 ? 'it' : 'them';
}

/** A missing column with its table. */
type NewColumn = MissingColumn & { readonly schema: string; readonly table: string };

function newColumns(a: Analysis): NewColumn[] {
  return a.missingColumns.flatMap((g) => g.items.map((m) => ({ ...m, schema: g.schema, table: g.table })));
}

/** A new NOT NULL column without a default on a table that has (or may have) rows. */
function needsBackfillPlan(a: Analysis, m: NewColumn): boolean {
  return needsBackfill(m.column) && tableRows(a, m.schema, m.table) !== 0;
}

/** `foreign key \`x_fkey\` to \`users\`` / `check \`x_check\``: a constraint a new column carries, by name. */
function carriedConstraint(c: Rec): string {
  const kind = str(c, 'kind');
  const cname = code(quoteIdent(str(c, 'name') ?? '?'));
  if (kind === 'foreign_key') {
    const ref = isRec(c.references) ? c.references : null;
    return `foreign key ${cname}${ref === null ? '' : ` to ${code(name(str(ref, 'schema') ?? 'public', str(ref, 'table') ?? '?'))}`}`;
  }
  return `${kind === 'primary_key' ? 'primary key' : (kind ?? 'constraint')} ${cname}`;
}

function recommendations(report: AuditReport, a: Analysis): string[] {
  const subsections: { title: string; body: string[] }[] = [];
  const added = newColumns(a);

  if (a.missingTables.length > 0) {
    const n = a.missingTables.length;
    const tables = listJoin(a.missingTables.map((f) => code(objectName(f.object))));
    subsections.push({
      title: 'Create Missing Tables',
      body: [`Create ${the(n, 'missing table')} with ${n === 1 ? 'its' : 'their'} columns, constraints and indexes: ${tables}.`],
    });
  }

  if (added.length > 0) {
    const lines = added.map(({ schema, table: t, column }) => {
      const facts = [code(typeText(column))];
      if (column.generated !== null) facts.push('generated');
      if (column.identity !== null) facts.push('identity');
      const carried = column.constraints.map(carriedConstraint);
      return `- ${qualifiedColumn(schema, t, column.name)} (${facts.join(', ')})${carried.length > 0 ? `, with ${listJoin(carried)}` : ''}`;
    });
    subsections.push({
      title: 'Add Missing Columns',
      body: [
        added.length === 1
          ? 'Add the missing column with the constraints it carries:'
          : `Add the ${count(added.length)} missing columns, each with the constraints it carries:`,
        lines.join('\n'),
      ],
    });
  }

  if (a.missingIndexes.length > 0 || a.indexAdvice.length > 0) {
    const body: string[] = [];
    const n = a.missingIndexes.length;
    if (n > 0) {
      const addedKeys = new Set(added.map((m) => objectKey(m.schema, m.table, m.column.name)));
      const onNew = a.missingIndexes.filter((f) => {
        const key = tableKey(f.object.schema, f.object.table ?? '');
        return indexInfo(f.expected, '').keyColumns.some((c) => addedKeys.has(objectKey(f.object.schema, f.object.table ?? '', c)));
      }).length;
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
          .map((g) => `- ${code(name(g.schema, g.table))}: ${g.items.map((f) => code(quoteIdent(f.object.index ?? '?'))).join(', ')}`)
          .join('\n'),
      );
    }
    if (a.indexAdvice.length > 0) {
      body.push(`Review the ${plural(a.indexAdvice.length, 'piece')} of index advice listed with the tables above.`);
    }
    subsections.push({ title: 'Create Additional Indexes', body });
  }

  const migration = dataMigration(a, added);
  if (migration.length > 0) subsections.push({ title: 'Data Migration', body: migration });

  if (a.other.length > 0) {
    const unexpected = a.other.filter((f) => UNEXPECTED_KINDS.has(f.kind)).length;
    const body = [
      `Decide for each of the ${plural(a.other.length, 'difference')} under Other Drift whether the database or the expected schema is right: ` +
        'change the database, or change the expected schema (or accept the difference with an ignore rule that gives its reason).',
    ];
    if (unexpected > 0) {
      const stay = unexpected === 1 ? 'the unexpected object or value stays' : `the ${count(unexpected)} unexpected objects and values stay`;
      body.push(`None of these recommendations drops anything: ${stay} until someone has checked that nothing uses ${itThem(unexpected)}.`);
    }
    subsections.push({ title: 'Resolve Other Drift', body });
  }

  if (a.otherAdvice.length > 0) {
    subsections.push({
      title: 'Review the Advice',
      body: [
        `Review the ${plural(a.otherAdvice.length, 'piece')} of advice under Advice; ` +
          "they are not drift, so the audit's verdict does not depend on them.",
      ],
    });
  }

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

function dataMigration(a: Analysis, added: readonly NewColumn[]): string[] {
  const bullets: string[] = [];
  const label = (m: NewColumn): string => `${qualifiedColumn(m.schema, m.table, m.column.name)} (${rowsSuffix(tableRows(a, m.schema, m.table))})`;

  if (added.length > 0) {
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
    const nulls = plain.filter((m) => m.column.nullable && m.column.default === null);
    if (nulls.length > 0) {
      const n = nulls.length;
      const carriedOf = (kind: string): number => nulls.reduce((k, m) => k + m.column.constraints.filter((c) => str(c, 'kind') === kind).length, 0);
      const fks = carriedOf('foreign_key');
      const checks = carriedOf('check');
      const carried = [fks > 0 ? the(fks, 'foreign key') : null, checks > 0 ? the(checks, 'check') : null].filter((x): x is string => x !== null);
      const carry = n === 1 ? 'this column carries' : 'these columns carry';
      const satisfy = carried.length > 0 ? `; the values must satisfy ${listJoin(carried)} ${carry}` : '';
      const which = n === 1 ? 'the nullable new column' : 'the nullable new columns';
      bullets.push(
        `Existing rows get NULL in ${which} without a default: ${listJoin(nulls.map(label))}. ` +
          `Fill ${itThem(n)} where the application expects a value${satisfy}.`,
      );
    }
  }
  for (const f of a.other) {
    const o = f.object;
    if (o.table === undefined || o.column === undefined) continue;
    const where = `${qualifiedColumn(o.schema, o.table, o.column)} (${rowsSuffix(tableRows(a, o.schema, o.table))})`;
    if (f.kind === 'column_type_mismatch') {
      const from = code(str(f.actual, 'type') ?? '?');
      const to = code(str(f.expected, 'type') ?? '?');
      bullets.push(`Changing the type of ${where} from ${from} to ${to} converts its existing values and may rewrite the table.`);
    } else if (f.kind === 'column_nullability_mismatch' && bool(f.expected, 'nullable') === false) {
      bullets.push(`Setting NOT NULL on ${where} fails while rows hold NULL in it: fill those rows first.`);
    }
  }
  if (bullets.length === 0) return [];
  return ['For the rows already in the database:', bullets.map((b) => `- ${b}`).join('\n')];
}

function rollback(report: AuditReport, a: Analysis): string[] {
  const out = ['## Rollback Procedures'];
  const added = newColumns(a);
  if (a.missingTables.length + added.length + a.missingIndexes.length + a.other.length === 0) {
    out.push(
      'The audit recommends no schema change, so there is nothing to roll back. For future migrations: back up the database first, ' +
        'make every migration reversible, test the rollback on a copy, and write down what data a rollback would lose.',
    );
    return out;
  }

  // Point 2: what the reverse migration does.
  const reverse: string[] = [];
  if (a.missingIndexes.length > 0) reverse.push(the(a.missingIndexes.length, 'new index', 'new indexes'));
  if (added.length > 0) {
    const carried = added.reduce((n, m) => n + m.column.constraints.length, 0);
    const withCarried = carried > 0 ? ` with ${the(carried, 'constraint')} ${added.length === 1 ? 'it carries' : 'they carry'}` : '';
    reverse.push(`${the(added.length, 'new column')}${withCarried}`);
  }
  if (a.missingTables.length > 0) reverse.push(the(a.missingTables.length, 'new table'));
  const changed = a.other.filter((f) => !UNEXPECTED_KINDS.has(f.kind)).length;
  let reversible = 'Make every migration reversible';
  if (reverse.length > 0) reversible += `: the reverse of this one drops ${listJoin(reverse)}, in that order`;
  if (changed > 0) reversible += `${reverse.length > 0 ? ', and' : ':'} returns each difference fixed from Other Drift to its current definition`;
  reversible += '.';

  // Point 4: what a rollback loses.
  const lost: string[] = [];
  const columnList = (list: readonly NewColumn[]): string => listJoin(list.map((m) => qualifiedColumn(m.schema, m.table, m.column.name)));
  const stored = added.filter((m) => m.column.generated === null);
  const generated = added.filter((m) => m.column.generated !== null);
  if (stored.length > 0) {
    lost.push(`Dropping ${columnList(stored)} discards every value written to ${itThem(stored.length)} after the migration`);
  }
  if (generated.length > 0) {
    const n = generated.length;
    lost.push(`${columnList(generated)} ${isAre(n)} generated, so nothing is lost that adding ${itThem(n)} again would not recompute`);
  }
  if (a.missingTables.length > 0) {
    const tables = listJoin(a.missingTables.map((f) => code(objectName(f.object))));
    lost.push(`Dropping ${tables} discards every row written to ${itThem(a.missingTables.length)}`);
  }
  const types = a.other.filter((f) => f.kind === 'column_type_mismatch');
  if (types.length > 0) {
    const each = types.map((f) => {
      const column = code(objectName(f.object));
      return `${column} (${code(str(f.expected, 'type') ?? '?')} back to ${code(str(f.actual, 'type') ?? '?')})`;
    });
    lost.push(`Reverting a type change fails, or truncates values, where they no longer fit the old type: ${listJoin(each)}`);
  }
  if (a.missingIndexes.length > 0) lost.push('Dropping indexes loses no data, only the speed of the queries they serve');
  const lostText =
    lost.length === 0
      ? 'Document the data a rollback would lose.'
      : ['Document the data a rollback would lose:', ...lost.map((l) => `   - ${l}`)].join('\n');

  out.push('Apply the recommended changes with rollback in mind:');
  out.push(
    [
      `1. Back up the database ${code(report.target.database)} before applying the migration (for example with ${code('pg_dump')}).`,
      `2. ${reversible}`,
      '3. Test the migration and its rollback on a copy of the database (development or staging) before running it in production.',
      `4. ${lostText}`,
    ].join('\n'),
  );
  out.push(...migrationRollback(report));
  return out;
}

/** `all 16 expected tables` / `the expected table` / `6 of the 7 expected tables`, and how many of them are present. */
function presence(total: number, missing: number, noun: string): { text: string; present: number } | null {
  if (total === 0) return null;
  if (missing > 0) return { text: `${count(total - missing)} of the ${plural(total, `expected ${noun}`)}`, present: total - missing };
  return { text: total === 1 ? `the expected ${noun}` : `all ${plural(total, `expected ${noun}`)}`, present: total };
}

function conclusion(report: AuditReport, a: Analysis): string[] {
  const out = ['## Conclusion'];
  const s = report.summary;
  const tables = expectedTableCount(a);
  const enums = expectedEnumCount(report, a);
  const drift = report.findings.filter((f) => !isAdvice(f));
  const n = report.ignored.length;
  const tail = [
    n > 0 ? `${plural(n, 'finding')} ${n === 1 ? 'was' : 'were'} ignored by the expected schema's rules.` : null,
    a.advice.length > 0 ? `The DBA checks add ${plural(a.advice.length, 'piece')} of advice, listed above.` : null,
  ].filter((x): x is string => x !== null);
  if (drift.length === 0) {
    out.push([`The database matches the expected schema: ${plural(tables, 'table')}, ${plural(enums, 'enum')}, no drift.`, ...tail].join(' '));
    return out;
  }

  const sentences: string[] = [
    `The audit of ${code(report.target.database)} found ${plural(drift.length, 'difference')} from the expected schema: ` +
      `${plural(s.error, 'error')}, ${plural(s.warning, 'warning')} and ${count(s.info)} info.`,
  ];
  const countKind = (kind: string): number => drift.filter((f) => f.kind === kind).length;
  const missingEnums = countKind('missing_enum');
  const present = [presence(tables, a.missingTables.length, 'table'), presence(enums, missingEnums, 'enum')].filter(
    (p): p is { text: string; present: number } => p !== null,
  );
  if (present.length > 0) {
    const singular = present.length === 1 && present[0]!.present === 1;
    sentences.push(`${capitalise(listJoin(present.map((p) => p.text)))} ${singular ? 'is' : 'are'} present.`);
  }

  const missing: string[] = [];
  if (a.missingTables.length > 0) {
    missing.push(`${plural(a.missingTables.length, 'table')} (${listJoin(a.missingTables.map((f) => code(objectName(f.object))))})`);
  }
  if (a.missingColumnCount > 0) {
    missing.push(`${plural(a.missingColumnCount, 'column')} (in ${listJoin(a.missingColumns.map((g) => code(name(g.schema, g.table))))})`);
  }
  if (a.missingIndexes.length > 0) {
    const composite = a.missingIndexes.filter((f) => indexInfo(f.expected, '').keys.length > 1).length;
    missing.push(`${plural(a.missingIndexes.length, 'index', 'indexes')}${compositeNote(composite, a.missingIndexes.length)}`);
  }
  if (missingEnums > 0) missing.push(plural(missingEnums, 'enum'));
  if (countKind('enum_value_missing') > 0) missing.push(plural(countKind('enum_value_missing'), 'enum value'));
  if (countKind('missing_constraint') > 0) missing.push(plural(countKind('missing_constraint'), 'constraint'));
  if (missing.length > 0) sentences.push(`Missing: ${listJoin(missing)}.`);

  const changed = drift.filter((f) => !ADDITIVE_KINDS.has(f.kind) && !UNEXPECTED_KINDS.has(f.kind)).length;
  const unexpected = drift.filter((f) => UNEXPECTED_KINDS.has(f.kind)).length;
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
  out.push([...sentences, ...tail].join(' '));
  return out;
}

const KIND_NOUNS: Readonly<Record<string, readonly [string, string]>> = {
  missing_table: ['missing table', 'missing tables'],
  missing_column: ['missing column', 'missing columns'],
  missing_index: ['missing index', 'missing indexes'],
  missing_enum: ['missing enum', 'missing enums'],
  enum_value_missing: ['missing enum value', 'missing enum values'],
  missing_constraint: ['missing constraint', 'missing constraints'],
  column_type_mismatch: ['column type difference', 'column type differences'],
  column_nullability_mismatch: ['nullability difference', 'nullability differences'],
  column_default_mismatch: ['default difference', 'default differences'],
  column_identity_mismatch: ['identity difference', 'identity differences'],
  column_generated_mismatch: ['generated-column difference', 'generated-column differences'],
  index_mismatch: ['index difference', 'index differences'],
  enum_value_order_mismatch: ['enum value order difference', 'enum value order differences'],
  constraint_mismatch: ['constraint difference', 'constraint differences'],
  unexpected_table: ['unexpected table', 'unexpected tables'],
  unexpected_column: ['unexpected column', 'unexpected columns'],
  unexpected_index: ['unexpected index', 'unexpected indexes'],
  unexpected_enum: ['unexpected enum', 'unexpected enums'],
  enum_value_unexpected: ['unexpected enum value', 'unexpected enum values'],
  unexpected_constraint: ['unexpected constraint', 'unexpected constraints'],
  table_mismatch: ['table structure difference', 'table structure differences'],
};

/** `1 missing table, 3 column type differences and 1 constraint difference`: the errors by kind, in kind order. */
function errorSummary(drift: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of drift) if (f.severity === 'error') counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  // What is missing first, then what differs; each in kind order.
  const rank = (k: string): number => (ADDITIVE_KINDS.has(k) ? 0 : 100) + (KIND_RANK.get(k) ?? 99);
  const kinds = [...counts.keys()].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  return listJoin(
    kinds.map((k) => {
      const n = counts.get(k) ?? 0;
      const nouns = KIND_NOUNS[k];
      return nouns === undefined ? `${plural(n, `${code(k)} finding`)}` : `${count(n)} ${n === 1 ? nouns[0] : nouns[1]}`;
    }),
  );
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
