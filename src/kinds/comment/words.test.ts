/** The comment kind's words: the Other Drift cell, the database's comment first, untrusted text escaped. */
import { COMMENT_WORDS } from './words.js';

const base = { id: 'x', kind: 'comment_mismatch', category: 'drift', severity: 'info', object: { schema: 'public', table: 't', kind: 'table' }, message: '' } as const;
const cell = (expected: string | null, actual: string | null): string | null => COMMENT_WORDS.comment_mismatch.otherDriftCell({ ...base, expected, actual }, ['comment']);

test('both comments as code, or (none)', () => {
  expect(cell('Leads', 'Old leads')).toBe('Comment is `Old leads`; expected `Leads`');
  expect(cell('Leads', null)).toBe('Comment is (none); expected `Leads`');
  expect(cell(null, 'x')).toBe('Comment is `x`; expected (none)');
});

test('markdown and newlines cannot break out of the cell: one line, backticks fenced, cut at 80 characters', () => {
  expect(cell('a `b`\n# heading | pipe', null)).toBe('Comment is (none); expected ``a `b` # heading | pipe``');
  expect(cell('y'.repeat(100), null)).toBe(`Comment is (none); expected \`${'y'.repeat(80)}…\``);
});

test('what the findings count: comments', () => {
  expect(COMMENT_WORDS.comment_mismatch.subject).toEqual({ one: 'comment', many: 'comments' });
});
