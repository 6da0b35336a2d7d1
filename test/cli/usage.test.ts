import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli } from '../support/cli.js';

const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('usage', () => {
  test('--help lists the commands and the exit codes, exit 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/snapshot/);
    expect(r.stdout).toMatch(/demo/);
    expect(r.stdout).toMatch(/Exit codes: 0 clean, 1 drift .* 2 bad usage or spec, 3 database unreachable/s);
    expect(r.stderr).toBe('');
  });

  test.each([['audit'], ['snapshot'], ['demo']])('%s --help, exit 0', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`schema-audit ${command}`);
  });

  test('audit --help names every expected source, the YAML spec first, and every report format', async () => {
    const r = await runCli(['audit', '--help']);
    const help = r.stdout.replace(/\s+/g, ' ');
    for (const source of ['a YAML spec (.yaml or .yml', '.sql file', 'folder of .sql migrations', 'snapshot .json', 'reference database']) expect(help).toContain(source);
    expect(help).toContain('--expected schema.yaml');
    for (const format of ['html', 'junit', 'sarif', 'gitlab']) expect(help).toContain(`"${format}"`);
    expect(help).toContain('--report');
  });

  test('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  test('no command: exit 2 with usage', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('schema-audit: name a command: audit, snapshot, compile, demo, merge or ack');
    expect(r.stderr).toContain('Commands:');
  });

  test('unknown command: exit 2 with usage', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('schema-audit: Unknown argument: frobnicate');
  });

  test('unknown flag: exit 2 with the command usage', async () => {
    const r = await runCli(['snapshot', '--db', 'postgres://x@localhost/db', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('schema-audit: Unknown argument: bogus');
    expect(r.stderr).toContain('--schema');
    expect(r.stdout).toBe('');
  });

  test('snapshot without a database: exit 2', async () => {
    const r = await runCli(['snapshot']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('schema-audit: snapshot needs a database: pass --db URL, set DATABASE_URL, or set PGHOST, PGDATABASE or PGSERVICE as for psql');
  });

  test('a URL that is not PostgreSQL: exit 2, password redacted', async () => {
    const r = await runCli(['snapshot', '--db', 'mysql://root:hunter2@db/app']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('schema-audit: not a PostgreSQL URL (scheme mysql:): mysql://root:***@db/app\n');
  });

  test('bad --statement-timeout and --pg-major values: exit 2', async () => {
    const t = await runCli(['snapshot', '--db', 'postgres://x@localhost/db', '--statement-timeout', '-5']);
    expect(t.code).toBe(2);
    expect(t.stderr.split('\n')[0]).toMatch(/--statement-timeout must be a positive number/);
    const m = await runCli(['demo', '--pg-major', '12']);
    expect(m.code).toBe(2);
    expect(m.stderr.split('\n')[0]).toBe('schema-audit: unsupported PostgreSQL major "12"; supported: 14, 15, 16, 17, 18');
  });
});
