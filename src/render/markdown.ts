/**
 * The audit report as a Markdown document, in the layout of the OneKeel Swarm
 * hand-written audit (Overview, Current Schema Analysis, Missing Elements
 * Analysis, Recommendations, Rollback Procedures, Conclusion), with every
 * statement computed from the report.
 *
 * This module keeps the layout: the sections and their order (their parts
 * are in markdown/). What is said per kind of object comes from the
 * registry: whether a finding is about something missing, unexpected or
 * different (each finding kind's `effect`), its noun, the aspects that
 * differ, and its cell under Other Drift (the kind's words.ts).
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
 * - Missing tables, columns and indexes have sections of their own (the
 *   seed's); every other difference is a row of Other Drift.
 * - "Already exist" note under Missing Columns: it names the expected columns
 *   of that table that are present and that the missing columns build on —
 *   named in a missing column's description (a word containing `_`, or in
 *   backticks) or in its generation expression, default or check expressions —
 *   and documented present columns (with a description) whose name starts with
 *   the same word as a missing column (`enrolled_at` next to `enrolled_by`),
 *   which a reader could take for the missing one. Otherwise no note.
 * - A Mermaid ER diagram of the tables with drift and their foreign-key
 *   neighbours opens Missing Elements Analysis (markdown/diagram.ts); names
 *   in it are cut to a safe alphabet.
 * - Findings with category `advice` are not drift: index-related ones (kind
 *   contains `index`, or the object is an index) are listed with the table
 *   under Index Optimization Opportunities, the rest under `### Advice`
 *   (present only when there are some); both by kind and message only.
 *
 * Deterministic: no clock, no locale; the same report gives the same bytes.
 */
import { historyMarkdown } from '../history/render.js';
import type { AuditReport } from '../audit.js';
import { analyse, type Analysis } from './markdown/analysis.js';
import { conclusion } from './markdown/conclusion.js';
import { driftDiagram } from './markdown/diagram.js';
import { indexSection } from './markdown/indexes.js';
import { missingColumnsSection, missingTables } from './markdown/missing.js';
import { adviceSection, otherDrift } from './markdown/other-drift.js';
import { currentSchema, overview } from './markdown/overview.js';
import { recommendations } from './markdown/recommendations.js';
import { rollback } from './markdown/rollback.js';
import { acknowledgedMarkdown } from '../ack/render.js';

export { cell, code, escapeMarkdown } from './markdown/syntax.js';

/** The report as a Markdown document (see the module comment for its layout and rules). */
export function renderMarkdown(report: AuditReport): string {
  const a = analyse(report);
  const blocks: string[] = [];
  blocks.push('# Database Schema Audit Report');
  blocks.push(...overview(report, a));
  blocks.push(...historyMarkdown(report));
  blocks.push(...currentSchema(report, a));
  blocks.push(...missingElements(report, a));
  blocks.push(...recommendations(report, a));
  blocks.push(...rollback(report, a));
  blocks.push(...conclusion(report, a));
  return `${blocks.join('\n\n').replace(/[ \t]+$/gm, '')}\n`;
}

function missingElements(report: AuditReport, a: Analysis): string[] {
  return [
    '## Missing Elements Analysis',
    ...driftDiagram(report, a.drift),
    ...missingTables(a),
    ...missingColumnsSection(a),
    ...indexSection(a),
    ...otherDrift(report, a),
    ...acknowledgedMarkdown(report),
    ...adviceSection(a),
  ];
}
