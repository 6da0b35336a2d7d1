import type { CliIo } from '../../src/cli/io.js';
import { formatElapsed, progress, terminalWidth, useColor } from '../../src/cli/output.js';

/** The colour decision, the terminal width and the progress lines: pure, no database. */

describe('useColor(flag, io)', () => {
  const T = true;
  const F = false;
  const U = undefined;
  test.each([
    // flag, NO_COLOR, FORCE_COLOR, TERM, stdout is a TTY → colour
    [T, U, U, U, F, T],
    [T, '1', U, 'dumb', F, T],
    [F, U, '1', U, T, F],
    [F, U, U, U, T, F],
    [U, '1', U, U, T, F],
    [U, 'false', U, U, T, F], // any non-empty value
    [U, '', U, U, T, T], // empty = unset
    [U, '', U, U, F, F],
    [U, '1', '1', U, F, F], // NO_COLOR wins over FORCE_COLOR
    [U, U, '1', U, F, T],
    [U, U, '3', U, F, T],
    [U, U, 'true', U, F, T],
    [U, U, '0', U, T, F],
    [U, U, 'false', U, T, F],
    [U, U, '', U, F, F], // empty = unset
    [U, U, '1', 'dumb', F, T],
    [U, U, U, 'dumb', T, F],
    [U, U, U, 'xterm-256color', T, T],
    [U, U, U, U, T, T],
    [U, U, U, U, F, F],
  ] as const)('flag %p, NO_COLOR %p, FORCE_COLOR %p, TERM %p, TTY %p → %p', (flag, noColor, force, term, tty, colour) => {
    const env: NodeJS.ProcessEnv = {};
    if (noColor !== undefined) env.NO_COLOR = noColor;
    if (force !== undefined) env.FORCE_COLOR = force;
    if (term !== undefined) env.TERM = term;
    expect(useColor(flag, { env, stdout: { write: () => true, isTTY: tty } })).toBe(colour);
  });

  test('an absent isTTY is not a TTY', () => {
    expect(useColor(undefined, { env: {}, stdout: { write: () => true } })).toBe(false);
  });
});

test('terminalWidth: the columns of a TTY stdout, else none', () => {
  const out = (isTTY: boolean, columns?: unknown) => ({ stdout: { write: () => true, isTTY, columns } as CliIo['stdout'] });
  expect(terminalWidth(out(true, 120))).toBe(120);
  expect(terminalWidth(out(false, 120))).toBeUndefined();
  expect(terminalWidth(out(true))).toBeUndefined();
  expect(terminalWidth(out(true, 0))).toBeUndefined();
});

test('formatElapsed', () => {
  expect([0, 49, 50, 1234, 59_940, 59_960, 60_000, 125_400, -5].map(formatElapsed)).toEqual(['0.0s', '0.0s', '0.1s', '1.2s', '59.9s', '1m00s', '1m00s', '2m05s', '0.0s']);
});

describe('progress(io, verbose)', () => {
  function io(isTTY: boolean): CliIo & { err: string } {
    const o = {
      err: '',
      stdout: { write: () => true },
      stderr: { isTTY, write: (chunk: string) => (o.err += chunk) },
      env: {},
      cwd: '/',
      onInterrupt: () => () => undefined,
    };
    return o;
  }

  test('silent when stderr is not a TTY and not --verbose', () => {
    const quiet = io(false);
    progress(quiet, false)('reading db:5432/app');
    expect(quiet.err).toBe('');
  });

  test.each([
    ['a TTY', true, false],
    ['--verbose', false, true],
  ])('on %s: one whole line per step; from the second on, the time since the previous line', (_name, tty, verbose) => {
    const target = io(tty);
    const clock = [1000, 2234, 2240, 70_000];
    const now = (): number => clock.shift()!;
    const say = progress(target, verbose, now);
    say('reading db:5432/app');
    say('read 12 tables from PostgreSQL 17.10');
    // Another reporter on the same io continues the same clock.
    const again = progress(target, verbose, now);
    again('started embedded PostgreSQL 17 on port 5433 (pid 42, /tmp/pg-x)');
    again('compared the schemas: 3 findings');
    expect(target.err).toBe(
      [
        'schema-audit: reading db:5432/app',
        'schema-audit: read 12 tables from PostgreSQL 17.10 +1.2s',
        'schema-audit: started embedded PostgreSQL 17 on port 5433 (pid 42, /tmp/pg-x) +0.0s',
        'schema-audit: compared the schemas: 3 findings +1m08s',
        '',
      ].join('\n'),
    );
    // The demo test's pattern still finds the server line, pid and directory.
    expect(target.err.match(/started embedded PostgreSQL \d+ on port \d+ \(pid (\d+), (\S+)\)/)?.slice(1)).toEqual(['42', '/tmp/pg-x']);
  });
});
