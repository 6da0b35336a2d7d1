import { createRequire } from 'node:module';
import Table from 'cli-table3';

/** cli-table3's own measure of a cell (it ships no types for it). */
const { strlen } = createRequire(import.meta.url)('cli-table3/src/utils.js') as { strlen: (text: string) => number };

/**
 * A compact cli-table3 table (no rule between rows), drawn in chunks of rows
 * so that its cost grows linearly: cli-table3 lays a table out in time
 * quadratic in its rows (each cell is checked against every earlier row for
 * spans), minutes for the thousands of advice findings of a big schema.
 *
 * The output is the one table cli-table3 would draw: the column widths are
 * computed as cli-table3 computes them, over every row, every chunk is drawn
 * at those widths, and the chunks are joined without their inner borders and
 * heads.
 */
export const CHUNK_ROWS = 50;

type Row = readonly string[];

function draw(head: Row, rows: readonly Row[], colWidths: number[]): string {
  const table = new Table({
    head: [...head],
    colWidths,
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}

export function compactTable(head: Row, rows: readonly Row[], chunkRows = CHUNK_ROWS): string {
  if (rows.length <= chunkRows) return draw(head, rows, []);
  // cli-table3's widths: the widest cell of each column (its strlen: ANSI
  // codes stripped, the widest line), plus the padding of 1 on either side.
  const widths = head.map((cell) => strlen(cell) + 2);
  for (const row of rows) row.forEach((cell, k) => (widths[k] = Math.max(widths[k] ?? 1, strlen(cell) + 2)));
  const lines: string[] = [];
  const headLines = 2 + Math.max(1, ...head.map((cell) => cell.split('\n').length));
  for (let k = 0; k < rows.length; k += chunkRows) {
    let drawn = draw(head, rows.slice(k, k + chunkRows), [...widths]).split('\n');
    if (k > 0) drawn = drawn.slice(headLines); // the top border, the head and its rule: once
    if (k + chunkRows < rows.length) drawn.pop(); // the bottom border: once
    lines.push(...drawn);
  }
  return lines.join('\n');
}
