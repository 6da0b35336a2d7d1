#!/usr/bin/env node
// schema-audit on migra's schema-diff suite (../shared/outside-suites/migra,
// 26 cases a.sql -> b.sql; see its README). One embedded PostgreSQL server
// (the project's own provisioning, from dist/: build first); for each case,
// the built CLI audits A (a.sql) against b.sql with --drop-unexpected and
// writes up.sql/down.sql; each is applied twice with psql; A is then compared
// with B, and after down.sql with a.sql, by a catalog comparison of our own
// (scripts/catalog-compare.mjs). Prints a table and the totals.
//
// Usage: npm run migra -- [--case NAME]... [--out report.md] [--major N] [--concurrency N (default 2)]
// MIGRA_KEEP=DIR keeps each case's up.sql, down.sql and audit output in DIR/<case>/.
// MIGRA_UPDATE=1 also prints test/migra/migra.test.ts's KNOWN_FAILING for the results.
// Exit code: 0 when every case ran (whatever its result), 2 on bad usage or a missing suite/build.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { knownFailingSource, listCases, markdownTable, REPO_ROOT, runCases, suiteDir, textTable } from './migra-lib.mjs';

function usage(message) {
  process.stderr.write(`${message}\nusage: npm run migra -- [--case NAME]... [--out report.md] [--major N] [--concurrency N]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { cases: [], out: null, major: undefined, concurrency: 2 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') usage(`${flag} needs a value`);
      return v;
    };
    if (flag === '--case') options.cases.push(value());
    else if (flag === '--out') options.out = value();
    else if (flag === '--major') options.major = value();
    else if (flag === '--concurrency') {
      options.concurrency = Number(value());
      if (!Number.isInteger(options.concurrency) || options.concurrency < 1) usage('--concurrency must be a positive integer');
    } else if (flag === '--help' || flag === '-h') usage('schema-audit on migra\'s schema-diff suite');
    else usage(`unknown argument: ${arg}`);
  }
  return options;
}

async function distModule(name) {
  const file = path.join(REPO_ROOT, 'dist', 'server', `${name}.js`);
  if (!existsSync(file) || !existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js'))) {
    process.stderr.write(`${file} is missing: build first (npm run build)\n`);
    process.exit(2);
  }
  return import(pathToFileURL(file).href);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dir = suiteDir();
  if (!dir) {
    process.stderr.write(`the migra suite is absent: expected ${path.resolve(REPO_ROOT, '..', 'shared', 'outside-suites', 'migra')}\n`);
    process.exit(2);
  }
  const all = listCases(dir);
  const unknown = options.cases.filter((c) => !all.includes(c));
  if (unknown.length) usage(`no such case: ${unknown.join(', ')} (cases: ${all.join(', ')})`);
  const names = options.cases.length ? options.cases : all;
  const { parseMajor } = await distModule('binaries');
  const { provisionServer } = await distModule('provision');
  let major;
  try {
    major = parseMajor(options.major ?? process.env.PG_MAJOR);
  } catch (err) {
    usage(err.message);
  }
  // No Docker: the server here and the CLI's scratch servers are embedded ones.
  process.env.SCHEMA_AUDIT_SERVER = 'embedded';
  process.stderr.write(`starting an embedded PostgreSQL ${major}...\n`);
  const server = await provisionServer({ major });
  let stopping = null;
  const stop = () => (stopping ??= server.stop());
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the server\n`);
      stop().finally(() => process.exit(130));
    });
  }
  let results;
  try {
    const keepDir = process.env.MIGRA_KEEP ? path.resolve(process.env.MIGRA_KEEP) : null;
    results = await runCases(server.url, dir, names, {
      concurrency: options.concurrency,
      keepDir,
      onResult: (r) => process.stderr.write(`${r.name}: ${r.confirmed ? 'confirmed' : r.passByExit ? 'passes by exit code' : 'fails'} (${r.seconds} s)${r.problem ? ` - ${r.problem}` : ''}\n`),
    });
  } finally {
    await stop();
  }
  process.stdout.write(`\n${textTable(results)}\n`);
  if (options.out) {
    writeFileSync(options.out, markdownTable(results, { title: `schema-audit on the migra suite (PostgreSQL ${major})` }));
    process.stderr.write(`wrote ${options.out}\n`);
  }
  if (process.env.MIGRA_UPDATE) process.stdout.write(`\n${knownFailingSource(results)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
