import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MARKER, writeFolder } from './write-folder.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sa-folder-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const tree = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string, p: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${p}${e.name}/`);
      else out.push(`${p}${e.name}`);
    }
  };
  walk(dir, '');
  return out.sort();
};

describe('writeFolder', () => {
  test('a new folder: every file, a marker listing them, nothing left beside it', () => {
    const dir = path.join(root, 'parent', 'spec');
    writeFolder(dir, [
      { name: 'spec.yaml', content: 'version: 1\n' },
      { name: 'public/tables/t.yaml', content: 't\n' },
    ]);
    expect(tree(dir)).toEqual([MARKER, 'public/tables/t.yaml', 'spec.yaml']);
    expect(JSON.parse(readFileSync(path.join(dir, MARKER), 'utf8')).files).toEqual(['public/tables/t.yaml', 'spec.yaml']);
    expect(readdirSync(path.join(root, 'parent'))).toEqual(['spec']);
  });

  test('an earlier snapshot is replaced whole: stale files go', () => {
    const dir = path.join(root, 'spec');
    writeFolder(dir, [{ name: 'spec.yaml', content: '1' }, { name: 'public/tables/old.yaml', content: 'old' }]);
    writeFolder(dir, [{ name: 'spec.yaml', content: '2' }, { name: 'public/tables/new.yaml', content: 'new' }]);
    expect(tree(dir)).toEqual([MARKER, 'public/tables/new.yaml', 'spec.yaml']);
    expect(readFileSync(path.join(dir, 'spec.yaml'), 'utf8')).toBe('2');
    expect(readdirSync(root)).toEqual(['spec']);
  });

  test('an empty folder is used', () => {
    const dir = path.join(root, 'spec');
    mkdirSync(dir);
    writeFolder(dir, [{ name: 'spec.yaml', content: '1' }]);
    expect(tree(dir)).toEqual([MARKER, 'spec.yaml']);
  });

  test("a user's folder (no marker) is refused, untouched", () => {
    const dir = path.join(root, 'spec');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(() => writeFolder(dir, [{ name: 'spec.yaml', content: '1' }], 'spec/')).toThrow(/cannot write spec\/: it is not empty and was not written by schema-audit/);
    expect(tree(dir)).toEqual(['notes.txt']);
    expect(readdirSync(root)).toEqual(['spec']);
  });

  test('a snapshot folder with a file the user added is refused, untouched', () => {
    const dir = path.join(root, 'spec');
    writeFolder(dir, [{ name: 'spec.yaml', content: '1' }]);
    writeFileSync(path.join(dir, 'README.md'), 'mine');
    expect(() => writeFolder(dir, [{ name: 'spec.yaml', content: '2' }])).toThrow(/"README.md" \(a regular file\) was not written by schema-audit/);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(dir, 'spec.yaml'), 'utf8')).toBe('1');
  });

  test('a listed name that became a symlink, or a forged marker listing an unrelated path, is refused', () => {
    const dir = path.join(root, 'spec');
    writeFolder(dir, [{ name: 'spec.yaml', content: '1' }, { name: 'a/b.yaml', content: '1' }]);
    rmSync(path.join(dir, 'spec.yaml'));
    symlinkSync('/etc/passwd', path.join(dir, 'spec.yaml'));
    expect(() => writeFolder(dir, [{ name: 'spec.yaml', content: '2' }])).toThrow(/a symbolic link/);
    const forged = path.join(root, 'forged');
    mkdirSync(path.join(forged, 'sub'), { recursive: true });
    writeFileSync(path.join(forged, MARKER), JSON.stringify({ tool: 'schema-audit', formatVersion: 1, files: ['other.yaml'] }));
    writeFileSync(path.join(forged, 'sub', 'x'), 'mine');
    expect(() => writeFolder(forged, [{ name: 'spec.yaml', content: '2' }])).toThrow(/"sub\/" \(a directory\) was not written/);
    expect(existsSync(path.join(forged, 'sub', 'x'))).toBe(true);
  });

  test('a symlink or a file as the target is refused', () => {
    const real = path.join(root, 'real');
    mkdirSync(real);
    symlinkSync(real, path.join(root, 'link'));
    expect(() => writeFolder(path.join(root, 'link'), [{ name: 'spec.yaml', content: '1' }])).toThrow(/symbolic link/);
    writeFileSync(path.join(root, 'file'), 'x');
    expect(() => writeFolder(path.join(root, 'file'), [{ name: 'spec.yaml', content: '1' }])).toThrow(/a regular file, not a directory/);
    expect(readdirSync(real)).toEqual([]);
  });

  test('unsafe or duplicate names are refused before anything is written', () => {
    const dir = path.join(root, 'spec');
    for (const bad of ['../x.yaml', '/abs.yaml', 'a/../../x.yaml', '.hidden', MARKER]) {
      expect(() => writeFolder(dir, [{ name: bad, content: 'x' }])).toThrow(/unsafe file name|two files/);
    }
    expect(() => writeFolder(dir, [{ name: 'a.yaml', content: 'x' }, { name: 'a.yaml', content: 'y' }])).toThrow(/two files named/);
    expect(() => writeFolder(dir, [{ name: 'a', content: 'x' }, { name: 'a/b.yaml', content: 'y' }])).toThrow(/is a file and a folder/);
    expect(readdirSync(root)).toEqual([]);
  });

  test('a failure while writing leaves neither the temporary folder nor a changed target', () => {
    const dir = path.join(root, 'spec');
    writeFolder(dir, [{ name: 'spec.yaml', content: '1' }]);
    // A content that cannot be written: an invalid (non-string) content makes Buffer.from throw.
    expect(() => writeFolder(dir, [{ name: 'spec.yaml', content: '2' }, { name: 'b.yaml', content: undefined as unknown as string }])).toThrow(/cannot write/);
    expect(readdirSync(root)).toEqual(['spec']);
    expect(readFileSync(path.join(dir, 'spec.yaml'), 'utf8')).toBe('1');
  });
});
