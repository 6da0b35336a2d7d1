// One introspection measurement in a fresh process (spawned by
// introspect-bench.mjs with --expose-gc), so the peak RSS is ours alone.
//
//   node --expose-gc bench/measure-introspect.mjs <url>
//
// Prints one JSON line: { wallMs, queries, peakRssMb, heapUsedMb, perQuery,
// counts }. wallMs covers readLiveSchema() end to end: connect, the
// transaction, row parsing in node, modelFromCatalog, disconnect.
// BENCH_DUMP_SQL=<file> also writes the compiled statements (for EXPLAIN).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

// BENCH_DIST: the compiled tree to measure (introspect-bench.mjs passes a
// snapshot of dist/ so a concurrent `npm run build` cannot change it mid-run).
const dist = process.env.BENCH_DIST ?? path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
const { readLiveSchema } = await import(pathToFileURL(path.join(dist, 'introspect', 'read-live-schema.js')).href);

const url = process.argv[2];
if (!url) {
  console.error('usage: measure-introspect.mjs <postgres-url>');
  process.exit(2);
}

let queries = 0;
const perQuery = [];
const statements = [];
const onQuery = (event) => {
  if (event.level !== 'query') return;
  queries++;
  const text = event.query.sql;
  perQuery.push({ query: label(text), ms: round(event.queryDurationMillis) });
  if (process.env.BENCH_DUMP_SQL) statements.push({ sql: text, parameters: event.query.parameters });
};

globalThis.gc?.();
const t0 = performance.now();
const result = await readLiveSchema(url, { onQuery });
const wallMs = performance.now() - t0;

// Heap still holding the model (what a caller keeps), after a full GC.
globalThis.gc?.();
const heapUsedMb = process.memoryUsage().heapUsed / 1048576;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const m = result.model;
const counts = {
  tables: m.tables.length,
  columns: m.tables.reduce((n, t) => n + t.columns.length, 0),
  indexes: m.tables.reduce((n, t) => n + t.indexes.length, 0),
  constraints: m.tables.reduce((n, t) => n + t.constraints.length, 0),
  triggers: m.tables.reduce((n, t) => n + t.triggers.length, 0),
  enums: m.enums.length,
  sequences: m.sequences.length,
  views: m.views.length,
  functions: m.functions.length,
};
if (process.env.BENCH_DUMP_SQL) writeFileSync(process.env.BENCH_DUMP_SQL, JSON.stringify(statements, null, 2));

process.stdout.write(
  `${JSON.stringify({
    wallMs: round(wallMs),
    queries,
    peakRssMb: round(peakRssMb),
    heapUsedMb: round(heapUsedMb),
    server: result.server,
    perQuery,
    counts,
  })}\n`,
);

function round(x) {
  return Math.round(x * 10) / 10;
}

/** A short name for a statement: which of our catalog queries it is. */
function label(text) {
  const s = text.replace(/\s+/g, ' ').trim();
  const known = [
    [/^(start transaction|begin)/i, 'begin'],
    [/^commit/i, 'commit'],
    [/set_config\('search_path'/, 'settings'],
    // Before the catalog queries: these two also start from the table scope.
    [/from pg_catalog\.pg_locks/, 'table_list'],
    [/^lock table/i, 'lock_tables'],
    [/pg_identify_object_as_address/, 'consistency_check'],
    [/^set local/i, 'lock_timeout'],
    [/current_setting\('server_version_num'\)/, 'server'],
    [/pg_get_partkeydef/, 'tables'],
    [/from pg_catalog\.pg_opclass/, 'opclasses'],
    [/from pg_catalog\.pg_collation/, 'collations'],
    [/from scope join pg_catalog\.pg_attribute/, 'columns'],
    [/pg_stat_get_numscans/, 'index_usage'],
    [/pg_get_indexdef\(i\.indexrelid, k\.ord/, 'index_expressions'],
    [/from scope join pg_catalog\.pg_index/, 'indexes'],
    [/refs as \(/, 'referenced_columns'],
    [/from scope join pg_catalog\.pg_constraint/, 'constraints'],
    [/from scope join pg_catalog\.pg_trigger/, 'triggers'],
    [/from pg_catalog\.pg_extension/, 'extensions'],
    [/from pg_catalog\.pg_event_trigger/, 'event_triggers'],
    [/pg_catalog\.pg_enum/, 'enums'],
    [/typtype = 'd'/, 'domains'],
    [/from pg_catalog\.pg_sequence/, 'sequences'],
    [/relkind in \('v', 'm'\)/, 'views'],
    [/from pg_catalog\.pg_proc/, 'routines'],
    [/from pg_catalog\.pg_namespace n left join/, 'schemas'],
  ];
  for (const [re, name] of known) if (re.test(s)) return name;
  return s.slice(0, 40);
}
