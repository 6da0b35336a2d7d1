/**
 * The chunked table is the table cli-table3 draws in one piece: same widths,
 * same borders, multi-line and coloured cells, wide characters, a widest
 * cell in any chunk.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { compactTable } from './chunked-table.js';

const chalk = new Chalk({ level: 1 });

function whole(head: string[], rows: string[][]): string {
  const table = new Table({ head, style: { head: [], border: [], compact: true } });
  for (const row of rows) table.push(row);
  return table.toString();
}

function rows(n: number): string[][] {
  const out: string[][] = [];
  for (let k = 0; k < n; k++) {
    const word = 'x'.repeat((k * 7) % 23);
    out.push([
      k % 3 === 0 ? chalk.red.bold('error') : chalk.blue('info'),
      k % 5 === 0 ? `schema.t${k}.\nindex_${k}` : `t${k}`,
      k === 437 ? `the widest message of all, far in the last chunk ${'w'.repeat(60)}` : k % 4 === 0 ? `line one ${word}\nline two 表 ✔\nthree` : `message ${k} ${word}`,
    ]);
  }
  return out;
}

const head = [chalk.bold('Severity'), chalk.bold('Object'), chalk.bold('Finding')];
const tallHead = [chalk.bold('Severity'), 'Object\nof the finding', 'Finding'];

test.each([0, 1, 7, 49, 50, 51, 199, 450])('%i rows in chunks of 7 and of the default size: the same text as one cli-table3 table', (n) => {
  const r = rows(n);
  const expected = whole(head, r);
  expect(compactTable(head, r, 7)).toBe(expected);
  expect(compactTable(head, r)).toBe(expected);
});

test('a head wider than every cell sets the widths of every chunk', () => {
  const wide = [chalk.bold('Severity of the finding'), 'Object', 'Finding'];
  const r = rows(30).map(([a, , c]) => [a!, 'o', c!.slice(0, 3)]);
  expect(compactTable(wide, r, 4)).toBe(whole(wide, r));
});

test('a head of two lines is drawn once', () => {
  const r = rows(40);
  expect(compactTable(tallHead, r, 6)).toBe(whole(tallHead, r));
});
