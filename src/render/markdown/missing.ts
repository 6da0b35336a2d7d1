/**
 * Missing Tables and Missing Columns: the expected tables and columns the
 * database lacks, described, with what the columns carry and (the "already
 * exist" note) the present columns they build on or could be mistaken for.
 */
import type { PresentObject } from '../../findings/finding.js';
import { columnFacts } from '../../kinds/column/words.js';
import { constraintFacts } from '../../kinds/constraint/words.js';
import { expectedTableCount, missingTableCount, presentCount, tableColumnNames, tableKey, type Analysis, type NewColumn, type TableGroup } from './analysis.js';
import { findingObjectName } from './finding-words.js';
import { expressionIdentifiers, hasText, prose, proseIdentifiers } from './prose.js';
import { capitalise, columnCode, count, escapeMarkdown, listJoin, numbered, objectName, partOf, plural } from './syntax.js';

/** `### Missing Tables`: each with its description, columns and index count. */
export function missingTables(a: Analysis): string[] {
  const out = ['### Missing Tables'];
  // Partitions are counted apart, as the Overview lists tables without them.
  const total = expectedTableCount(a);
  const missing = missingTableCount(a);
  if (a.missingTables.length === 0) {
    out.push(total === 1 ? 'The expected table is present.' : `All ${plural(total, 'expected table')} are present.`);
    return out;
  }
  const partitions = a.missingTables.length - missing;
  const partitionText = partitions > 0 ? `${missing > 0 ? ', and ' : ''}${plural(partitions, 'expected partition')}` : '';
  const tablesText = missing > 0 ? capitalise(partOf(missing, total, 'expected table')) : '';
  out.push(`${tablesText}${missing > 0 ? partitionText : capitalise(partitionText)} ${a.missingTables.length === 1 ? 'is' : 'are'} missing:`);
  out.push(
    a.missingTables
      .map((f, i) => {
        const e = f.expected;
        const columns = e.columns.map((c) => c.name);
        const facts = [columns.length === 0 ? 'no columns' : `${plural(columns.length, 'column')}: ${columns.map(columnCode).join(', ')}`];
        if (e.indexes.length > 0) facts.push(plural(e.indexes.length, 'index', 'indexes'));
        const label = `${i + 1}. **${escapeMarkdown(findingObjectName(f.object))}** - `;
        return hasText(e.description)
          ? `${label}${prose(e.description, new Set(columns))} (${facts.join('; ')})`
          : `${label}(no description; ${facts.join('; ')})`;
      })
      .join('\n'),
  );
  return out;
}

/** The names a missing column's description and expressions (generation, default, checks) mention. */
function mentionedBy(column: NewColumn['column']): Set<string> {
  const mentioned = new Set<string>();
  if (column.description !== null) for (const w of proseIdentifiers(column.description)) mentioned.add(w);
  const expressions = [column.generated?.expression ?? null, column.default];
  for (const c of column.constraints) if (c.kind === 'check') expressions.push(c.expression);
  for (const e of expressions) if (e !== null) for (const w of expressionIdentifiers(e)) mentioned.add(w);
  return mentioned;
}

/** The present expected columns of a table that its missing columns build on or could be mistaken for (see markdown.ts). */
function alreadyPresent(a: Analysis, group: TableGroup<NewColumn>): PresentObject[] {
  const present = (a.presentByTable.get(tableKey(group.schema, group.table)) ?? []).filter(
    (p): p is PresentObject & { object: { column: string } } => p.kind === 'column' && p.object.column !== undefined,
  );
  const missingNames = new Set(group.items.map((m) => m.column.name));
  const mentioned = new Set(group.items.flatMap((m) => [...mentionedBy(m.column)]));
  const firstWord = (n: string): string => n.split('_')[0] ?? n;
  const missingFirstWords = new Set([...missingNames].filter((n) => n.includes('_')).map(firstWord));
  return present.filter((p) => {
    const col = p.object.column;
    if (missingNames.has(col)) return false;
    if (mentioned.has(col)) return true;
    return p.description !== undefined && col.includes('_') && missingFirstWords.has(firstWord(col));
  });
}

/** One table's missing columns, with the note on the columns already there. */
function missingColumnsOf(a: Analysis, g: TableGroup<NewColumn>, i: number): string {
  const identifiers = tableColumnNames(a, g.schema, g.table);
  const { marker, indent } = numbered(i);
  const lines = [`${marker}**${escapeMarkdown(objectName(g.schema, g.table))} table**:`];
  for (const { column } of g.items) {
    const facts = [columnFacts(column), ...column.constraints.map(constraintFacts)].join('; ');
    const head = `${indent}- ${columnCode(column.name)} - `;
    lines.push(hasText(column.description) ? `${head}${prose(column.description, identifiers)} (${facts})` : `${head}${facts}`);
  }
  const present = alreadyPresent(a, g);
  if (present.length > 0) {
    const names = present.map((p) => {
      const n = columnCode(p.object.column ?? '?');
      return hasText(p.description) ? `${n} (${prose(p.description, identifiers)})` : n;
    });
    lines.push(`${indent}- Note: ${listJoin(names)} already ${present.length === 1 ? 'exists' : 'exist'} in the schema`);
  }
  return lines.join('\n');
}

/** `### Missing Columns`: by table, each column described with its facts and constraints. */
export function missingColumnsSection(a: Analysis): string[] {
  const out = ['### Missing Columns'];
  if (a.missingColumns.length === 0) {
    const present = presentCount(a, 'column');
    out.push(
      present === 0
        ? 'No expected column is missing.'
        : present === 1
          ? 'The 1 expected column of the present tables exists.'
          : `All ${plural(present, 'expected column')} of the present tables exist.`,
    );
    return out;
  }
  const n = a.missingColumnCount;
  out.push(`${plural(n, 'expected column')} ${n === 1 ? 'is' : 'are'} missing from ${plural(a.missingColumns.length, 'table')}:`);
  out.push(a.missingColumns.map((g, i) => missingColumnsOf(a, g, i)).join('\n\n'));
  return out;
}
