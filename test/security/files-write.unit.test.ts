import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pendingTempPaths, registerCleanup, registerTempPath, runCleanup } from '../../src/io/cleanup.js';
import { OutputError, stageOutputs, writeFileAtomic, writeOutputs, type Output } from '../../src/io/write-file.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

/**
 * src/io/write-file.ts without a database: what --out and --migration-dir
 * rely on. Targets that are not regular files are refused with nothing
 * written; a pair of files is both-or-neither, also when the second rename
 * fails after the first succeeded; no temporary file survives.
 */
let dir: string;
beforeEach(() => {
  dir = makeTempDir('files-write');
});
afterEach(() => removeTempDir(dir));

/** Every entry under `root`, recursively, as relative paths. */
function tree(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
}

function migration(target: string, up = 'UP', down = 'DOWN'): Output {
  return { kind: 'dir', label: `the migration to ${target}`, dir: target, files: [{ name: 'up.sql', content: up }, { name: 'down.sql', content: down }] };
}

function refusal(fn: () => void): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).code).toBe('output');
    expect((err as Error).message).not.toContain('\n');
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('a target that is not a regular file is refused, and left as it was', () => {
  test('a symlink to a file outside: neither the link nor the file changes', () => {
    const outside = path.join(dir, 'outside.txt');
    writeFileSync(outside, 'secret');
    const link = path.join(dir, 'report.md');
    symlinkSync(outside, link);
    expect(refusal(() => writeFileAtomic(link, 'REPORT'))).toMatch(/report\.md: it is a symbolic link; refusing to follow or replace it$/);
    expect(readlinkSync(link)).toBe(outside);
    expect(readFileSync(outside, 'utf8')).toBe('secret');
    expect(tree(dir)).toEqual(['outside.txt', 'report.md']);
  });

  test('a dangling symlink: not created through', () => {
    const link = path.join(dir, 'report.md');
    symlinkSync(path.join(dir, 'nowhere'), link);
    expect(refusal(() => writeFileAtomic(link, 'REPORT'))).toMatch(/symbolic link/);
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(tree(dir)).toEqual(['report.md']);
  });

  test('a symlink to /dev/null: the link stays', () => {
    const link = path.join(dir, 'null');
    symlinkSync('/dev/null', link);
    expect(refusal(() => writeFileAtomic(link, 'REPORT'))).toMatch(/symbolic link/);
    expect(readlinkSync(link)).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('a directory, a FIFO', () => {
    mkdirSync(path.join(dir, 'adir'));
    expect(refusal(() => writeFileAtomic(path.join(dir, 'adir'), 'x'))).toMatch(/adir: it is a directory; refusing/);
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    expect(refusal(() => writeFileAtomic(path.join(dir, 'fifo'), 'x'))).toMatch(/fifo: it is a FIFO; refusing/);
    expect(lstatSync(path.join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(tree(dir)).toEqual(['adir', 'fifo']);
  });

  test('a device node (a private copy of /dev/null, made with mknod when allowed)', () => {
    const node = path.join(dir, 'null-device');
    try {
      execFileSync('mknod', ['-m', '666', node, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      return; // not allowed here (unprivileged): the symlink and FIFO cases stand
    }
    expect(refusal(() => writeFileAtomic(node, 'x'))).toMatch(/null-device: it is a device; refusing/);
    expect(lstatSync(node).isCharacterDevice()).toBe(true);
  });

  test('a migration directory that is a symlink to a directory', () => {
    const real = path.join(dir, 'real');
    mkdirSync(real);
    symlinkSync(real, path.join(dir, 'mig'));
    expect(refusal(() => writeOutputs([migration(path.join(dir, 'mig'))]))).toMatch(/mig: it is a symbolic link, not a directory/);
    expect(tree(real)).toEqual([]);
  });

  test('up.sql as a symlink in the migration directory: neither file written', () => {
    const mig = path.join(dir, 'mig');
    mkdirSync(mig);
    writeFileSync(path.join(dir, 'target'), 'keep');
    symlinkSync(path.join(dir, 'target'), path.join(mig, 'up.sql'));
    expect(refusal(() => writeOutputs([migration(mig)]))).toMatch(/the migration to .*mig: up\.sql is a symbolic link/);
    expect(tree(mig)).toEqual(['up.sql']);
    expect(readFileSync(path.join(dir, 'target'), 'utf8')).toBe('keep');
  });
});

describe('both or neither', () => {
  test('down.sql is a directory: up.sql keeps its old content', () => {
    const mig = path.join(dir, 'mig');
    mkdirSync(path.join(mig, 'down.sql'), { recursive: true });
    writeFileSync(path.join(mig, 'up.sql'), 'OLD UP');
    expect(refusal(() => writeOutputs([migration(mig)]))).toMatch(/down\.sql is a directory/);
    expect(readFileSync(path.join(mig, 'up.sql'), 'utf8')).toBe('OLD UP');
    expect(tree(mig)).toEqual(['down.sql', 'up.sql']);
  });

  test('the second rename fails after the first succeeded: the first is rolled back', () => {
    const mig = path.join(dir, 'mig');
    mkdirSync(mig);
    writeFileSync(path.join(mig, 'up.sql'), 'OLD UP');
    writeFileSync(path.join(mig, 'down.sql'), 'OLD DOWN');
    const staged = stageOutputs([migration(mig, 'NEW UP', 'NEW DOWN')]);
    // Between staging and commit, down.sql becomes a directory (a non-empty one: no rename can replace it).
    rmSync(path.join(mig, 'down.sql'));
    mkdirSync(path.join(mig, 'down.sql', 'inside'), { recursive: true });
    expect(refusal(() => staged.commit())).toMatch(/down\.sql is a directory|EISDIR/);
    expect(readFileSync(path.join(mig, 'up.sql'), 'utf8')).toBe('OLD UP');
    expect(tree(mig)).toEqual(['down.sql', 'down.sql/inside', 'up.sql']);
    expect(pendingTempPaths()).toEqual([]);
  });

  test('a report that cannot be written: the migration is not written either (new or existing directory)', () => {
    mkdirSync(path.join(dir, 'report-dir'));
    const report: Output = { kind: 'file', label: 'report-dir', path: path.join(dir, 'report-dir'), content: 'R' };
    expect(refusal(() => writeOutputs([migration(path.join(dir, 'new-mig')), report]))).toMatch(/^cannot write report-dir: it is a directory/);
    expect(existsSync(path.join(dir, 'new-mig'))).toBe(false);
    const old = path.join(dir, 'old-mig');
    mkdirSync(old);
    writeFileSync(path.join(old, 'up.sql'), 'OLD');
    expect(() => writeOutputs([migration(old), report])).toThrow(OutputError);
    expect(tree(old)).toEqual(['up.sql']);
    expect(readFileSync(path.join(old, 'up.sql'), 'utf8')).toBe('OLD');
    expect(tree(dir)).toEqual(['old-mig', 'old-mig/up.sql', 'report-dir']);
  });

  test('a commit failure of the report after the migration went in: the new migration directory is taken back', () => {
    const report = path.join(dir, 'report.md');
    const staged = stageOutputs([migration(path.join(dir, 'mig')), { kind: 'file', label: 'report.md', path: report, content: 'R' }]);
    mkdirSync(path.join(report, 'x'), { recursive: true });
    expect(() => staged.commit()).toThrow(OutputError);
    expect(tree(dir)).toEqual(['report.md', 'report.md/x']);
  });

  test('a refusal after outputs were staged in directories made for them: the directories go too', () => {
    mkdirSync(path.join(dir, 'blocker'));
    const outputs: Output[] = [
      { kind: 'file', label: 'new/r.md', path: path.join(dir, 'new', 'r.md'), content: 'R' },
      migration(path.join(dir, 'new', 'mig')),
      { kind: 'file', label: 'blocker', path: path.join(dir, 'blocker'), content: 'B' },
    ];
    expect(refusal(() => writeOutputs(outputs))).toMatch(/^cannot write blocker: it is a directory/);
    expect(tree(dir)).toEqual(['blocker']);
  });

  test('two outputs naming the same file are refused', () => {
    const mig = path.join(dir, 'mig');
    expect(refusal(() => writeOutputs([migration(mig), { kind: 'file', label: 'x', path: path.join(mig, 'up.sql'), content: 'R' }]))).toMatch(
      /is also the target of the migration/,
    );
    expect(tree(dir)).toEqual([]);
  });
});

describe('atomic writes', () => {
  test('a new migration directory appears whole; missing parents are made; no temporary file stays', () => {
    const mig = path.join(dir, 'a', 'b', 'mig');
    writeOutputs([migration(mig, 'U', 'D')]);
    expect(tree(path.join(dir, 'a'))).toEqual(['b', 'b/mig', 'b/mig/down.sql', 'b/mig/up.sql']);
    expect(readFileSync(path.join(mig, 'up.sql'), 'utf8')).toBe('U');
    expect(readFileSync(path.join(mig, 'down.sql'), 'utf8')).toBe('D');
    expect(statSync(mig).mode & 0o777).toBe(0o777 & ~process.umask());
    expect(statSync(path.join(mig, 'up.sql')).mode & 0o777).toBe(0o666 & ~process.umask());
    expect(pendingTempPaths()).toEqual([]);
  });

  test('a replaced file keeps its mode; a failed write removes the parents it made', () => {
    const f = path.join(dir, 'r.md');
    writeFileSync(f, 'old', { mode: 0o600 });
    writeFileAtomic(f, 'new');
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(statSync(f).mode & 0o777).toBe(0o600);
    const deep = path.join(dir, 'x', 'y', 'z');
    const staged = stageOutputs([{ kind: 'file', label: 'z', path: deep, content: 'z' }]);
    staged.abort();
    expect(tree(dir)).toEqual(['r.md']);
  });
});

describe('the cleanup registry', () => {
  test('runCleanup removes registered temporary paths and runs cleanups, a hung one bounded by its timeout', async () => {
    const tmp = path.join(dir, '.x.tmp');
    writeFileSync(tmp, 'x');
    registerTempPath(tmp);
    let ran = false;
    registerCleanup(async () => {
      ran = true;
    });
    registerCleanup(() => new Promise<void>(() => undefined), { timeoutMs: 50 });
    const unregistered = registerCleanup(() => {
      throw new Error('must not run');
    });
    unregistered();
    await runCleanup();
    expect(ran).toBe(true);
    expect(existsSync(tmp)).toBe(false);
    expect(pendingTempPaths()).toEqual([]);
  });
});
