import Table from 'cli-table3';

/**
 * A compact cli-table3 table (no rule between rows), drawn in chunks of rows
 * so that its cost grows linearly: cli-table3 lays a table out in time
 * quadratic in its rows (each cell is checked against every earlier row for
 * spans), minutes for the thousands of advice findings of a big schema.
 *
 * The output is the one table cli-table3 would draw: the column widths are
 * the widest any chunk needs (cli-table3 writes the widths it computed back
 * into `colWidths`), every chunk is drawn at those widths, and the chunks are
 * joined without their inner borders and heads (a chunk whose own widths
 * are those is kept as first drawn).
 */
export const CHUNK_ROWS = 200;

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
  const chunks: Row[][] = [];
  for (let k = 0; k < rows.length; k += chunkRows) chunks.push(rows.slice(k, k + chunkRows));
  // The widths each chunk would get on its own (with the head, which counts too).
  const headLines = 2 + Math.max(1, ...head.map((cell) => cell.split('\n').length));
  // A chunk drawn with the head at the widths it gets anyway is kept as drawn.
  const widths: number[] = [];
  const first = chunks.map((chunk) => {
    const own: number[] = [];
    const text = draw(head, chunk, own);
    own.forEach((w, k) => (widths[k] = Math.max(widths[k] ?? 0, w)));
    return { text, own };
  });
  const lines: string[] = [];
  chunks.forEach((chunk, k) => {
    const { text, own } = first[k]!;
    const same = own.length === widths.length && own.every((w, j) => w === widths[j]);
    let drawn = (same ? text : draw(head, chunk, [...widths])).split('\n');
    if (k > 0) drawn = drawn.slice(headLines); // the top border, the head and its rule: once
    const last = k === chunks.length - 1 ? drawn.length : drawn.length - 1; // the bottom border only once
    lines.push(...drawn.slice(0, last));
  });
  return lines.join('\n');
}
