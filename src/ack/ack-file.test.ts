/**
 * The acknowledgements file as untrusted input, and `ack`'s edit of it:
 * problems at file:line (structure, values, duplicates), the input limits,
 * comments and order kept, one entry per finding.
 */
import { AckFileError, parseAckFile } from './ack-file.js';
import { editAckFile } from './write-ack.js';
import { formatProblems } from '../spec-file/spec-error.js';

function problems(text: string, limits?: { maxBytes: number; maxNodes: number }): string {
  try {
    parseAckFile('acks.yaml', Buffer.from(text), limits);
  } catch (err) {
    if (err instanceof AckFileError) return `${err.message}\n${formatProblems(err.problems)}`;
    return (err as Error).message;
  }
  return 'valid';
}

test('a valid file: entries with their lines; an empty file has none', () => {
  const text = ['# ours', 'acknowledgements:', '  - id: missing_column:public.leads.score', '    reason: release 42', '    owner: team', '    expires: 2027-01-31', '    ticket: 1234', ''].join('\n');
  expect(parseAckFile('acks.yaml', Buffer.from(text)).entries).toEqual([
    { id: 'missing_column:public.leads.score', reason: 'release 42', owner: 'team', expires: '2027-01-31', ticket: '1234', line: 3 },
  ]);
  expect(parseAckFile('acks.yaml', Buffer.from('# nothing yet\n')).entries).toEqual([]);
});

test('structure problems at file:line: unknown key, missing owner, wrong type, bad date', () => {
  const text = [
    'acknowledgements:',
    '  - id: missing_column:public.leads.score',
    '    reason: r',
    '    owner: o',
    '    colour: red',
    '  - id: missing_index:public.leads.i',
    '    reason: r',
    '  - id: [1]',
    '    reason: r',
    '    owner: o',
    '    expires: 31/01/2027',
    'extra: 1',
  ].join('\n');
  expect(problems(text)).toBe(
    [
      'acknowledgements file has 5 errors',
      "acks.yaml:5: acknowledgements.0: unknown key 'colour' (allowed: id, reason, owner, expires, ticket)",
      "acks.yaml:6: acknowledgements.1: missing required key 'owner'",
      'acks.yaml:8: acknowledgements.2.id: expected a string, got an array',
      "acks.yaml:11: acknowledgements.2.expires: expected a date yyyy-mm-dd, got '31/01/2027'",
      "acks.yaml:12: unknown key 'extra' (allowed: acknowledgements)",
    ].join('\n'),
  );
});

test('value problems at file:line: unknown kind, not an id, impossible day, blank owner, an id twice', () => {
  const text = [
    'acknowledgements:',
    '  - { id: missing_colum:public.leads.score, reason: r, owner: o }',
    '  - { id: public.leads.score, reason: r, owner: o }',
    '  - { id: missing_table:public.t, reason: r, owner: " ", expires: 2026-02-30 }',
    '  - { id: missing_table:public.t, reason: r, owner: o }',
  ].join('\n');
  expect(problems(text)).toBe(
    [
      'acknowledgements file has 5 errors',
      "acks.yaml:2: acknowledgements.0.id: unknown finding kind 'missing_colum' in 'missing_colum:public.leads.score'",
      "acks.yaml:3: acknowledgements.1.id: expected a finding id <kind>:<object> (as the report's findings[].id, e.g. missing_column:public.leads.score), got 'public.leads.score'",
      'acks.yaml:4: acknowledgements.2.owner: must not be empty',
      "acks.yaml:4: acknowledgements.2.expires: expected a date yyyy-mm-dd, got '2026-02-30'",
      "acks.yaml:5: acknowledgements.3.id: 'missing_table:public.t' is acknowledged twice (first at line 4): one entry per finding",
    ].join('\n'),
  );
});

test('invalid YAML, and the input limits: nodes and alias bombs refused in one line', () => {
  expect(problems('acknowledgements: [\n')).toMatch(/^acknowledgements file has 1 error\nacks\.yaml:\d+: invalid YAML/);
  const many = `acknowledgements:\n${Array.from({ length: 50 }, (_, i) => `  - { id: missing_table:public.t${i}, reason: r, owner: o }`).join('\n')}\n`;
  expect(problems(many, { maxBytes: 1 << 20, maxNodes: 100 })).toMatch(/^acks\.yaml has more than 100 nodes/);
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
  expect(problems(bomb)).toMatch(/alias bomb/);
});

describe('ack: the edit', () => {
  const entry = { id: 'missing_column:public.leads.score', reason: 'release 42', owner: 'team', expires: '2027-01-31', ticket: '1234' };

  test('a new file: a header comment, the entry; the ticket stays a string', () => {
    const edit = editAckFile('acks.yaml', undefined, entry);
    expect(edit.action).toBe('added');
    expect(edit.text).toMatch(/^# Drift accepted on purpose/);
    expect(edit.text).toContain('acknowledgements:\n  - id: missing_column:public.leads.score\n    reason: release 42\n    owner: team\n    expires: 2027-01-31\n    ticket: "1234"\n');
    expect(parseAckFile('acks.yaml', Buffer.from(edit.text)).entries[0]).toMatchObject(entry);
    expect(edit.line).toBe(parseAckFile('acks.yaml', Buffer.from(edit.text)).entries[0]!.line);
  });

  test('an existing file: comments, order and other entries kept; the same id updated, not duplicated', () => {
    const head = ['# reviewed by the DBAs', 'acknowledgements:', '  # the first one', '  - id: unexpected_table:public.tmp'];
    const before = [...head, '    reason: imports   # until March', '    owner: ops', `  - id: ${entry.id}`, '    owner: someone', '    reason: old reason', '    ticket: OPS-1', ''].join('\n');
    const edit = editAckFile('acks.yaml', before, { id: entry.id, reason: 'release 43', owner: 'team', expires: '2027-02-28' });
    expect(edit.action).toBe('updated');
    expect(edit.line).toBe(7);
    // The yaml library keeps comments and key order (it normalises the spaces before a comment); the ticket is gone.
    expect(edit.text).toBe([...head, '    reason: imports # until March', '    owner: ops', `  - id: ${entry.id}`, '    owner: team', '    reason: release 43', '    expires: 2027-02-28', ''].join('\n'));
    const added = editAckFile('acks.yaml', edit.text, { id: 'missing_index:public.leads.idx', reason: 'r', owner: 'o' });
    expect(added.action).toBe('added');
    expect(parseAckFile('acks.yaml', Buffer.from(added.text)).entries.map((e) => e.id)).toEqual(['unexpected_table:public.tmp', entry.id, 'missing_index:public.leads.idx']);
  });

  test('an invalid file is not edited: its problems at file:line', () => {
    expect(() => editAckFile('acks.yaml', 'acknowledgements:\n  - id: nope\n    reason: r\n    owner: o\n', entry)).toThrow(AckFileError);
  });

  test('a JSON file stays JSON', () => {
    const edit = editAckFile('acks.json', '{"acknowledgements": []}', entry);
    expect(JSON.parse(edit.text)).toEqual({ acknowledgements: [entry] });
  });

  test('text that tries to break out of YAML stays one value', () => {
    const sneaky = { id: 'missing_table:public."x: y"', reason: 'a: b\' # "c" - [d]', owner: '- owner: &x *y' };
    const edit = editAckFile('acks.yaml', undefined, sneaky);
    expect(parseAckFile('acks.yaml', Buffer.from(edit.text)).entries).toEqual([{ ...sneaky, line: edit.line }]);
  });
});
