import { sql, type Kysely, type LogEvent } from 'kysely';
import type pg from 'pg';
import { KINDS, type RegisteredKind } from '../../kinds/registry.js';
import type { SchemaModel } from '../../model/schema-model.js';
import type { IntrospectOptions, IntrospectionResult, ServerInfo } from '../introspector.js';
import { CatalogAssembler } from './catalog-assembler.js';
import { queryIndexUsage } from './index-usage.js';
import type { CatalogScope, StreamedStatement } from './kind-catalog.js';
import { queryCollations, queryNonDefaultOpclasses } from './name-lookups.js';
import { queryServer } from './server.js';
import { rowStreamer, type StreamRows } from './stream-rows.js';

/** introspectPostgres's options: the schemas to read, and a statement logger. */
export interface IntrospectPostgresOptions extends IntrospectOptions {
  /** Receives every statement, as kysely's logger does. */
  readonly onQuery?: (event: LogEvent) => void;
}

/**
 * Read the schema in one REPEATABLE READ, READ ONLY transaction, so every
 * query sees the same snapshot even while a migration commits next door.
 * Always 19 statements inside BEGIN/COMMIT (the session settings, the server
 * version, one catalog query per object kind, the expression texts of
 * indexes with several expressions, the tables and columns foreign keys
 * reference outside the scope, two small name lookups, and the index usage
 * counters), whatever the number of tables. The catalog queries are the
 * kinds' own (`src/kinds/<kind>/catalog.ts`), run by walking the registry
 * (readModel). The big queries return raw catalog columns, keep correlated
 * subqueries out of their select lists (so the server may deparse in
 * parallel workers) and join nothing per row that other rows already say:
 * OIDs are named client-side. The per-table ones (tables, columns, indexes,
 * constraints, triggers and their helpers) go to the pg client under `db` in
 * array row mode and stream into the model as their rows arrive
 * (stream-rows.ts, catalog-assembler.ts). statement_timeout and lock_timeout
 * come with the connection (src/db/connect.ts), so a catalog locked by a
 * running migration makes us fail fast instead of queueing behind it.
 *
 * Why pg_catalog and not information_schema: information_schema shows only
 * objects the current role has some privilege on (a CONNECT + USAGE audit
 * role would see no tables and report everything missing), lacks index,
 * enum, partition and identity-sequence facts, and costs about 2.5× the
 * equivalent catalog queries on large schemas. pg_catalog is readable by
 * every role. `pg_indexes` is a thin view over the same pg_index rows we read.
 *
 * The search_path is pinned to `pg_catalog, public` so that `format_type` and
 * the deparsers qualify exactly the names outside those two schemas, the same
 * way on every run.
 */
export async function introspectPostgres(
  db: Kysely<unknown>,
  client: pg.ClientBase,
  options: IntrospectPostgresOptions = {},
): Promise<IntrospectionResult> {
  const schemas = options.schemas && options.schemas.length > 0 ? [...new Set(options.schemas)] : undefined;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      // Deparsed text depends on these settings (partition bounds and
      // defaults print timestamps in the session time zone): pin them.
      await sql`select set_config('search_path', 'pg_catalog, public', true),
                       set_config('timezone', 'UTC', true),
                       set_config('datestyle', 'ISO, YMD', true),
                       set_config('intervalstyle', 'postgres', true),
                       set_config('extra_float_digits', '1', true)`.execute(trx);
      const serverRow = await queryServer(trx);
      const versionNum = Number(serverRow.server_version_num);
      const major = Math.floor(versionNum / 10000);
      const assembler = new CatalogAssembler();
      const model = await readModel(trx, rowStreamer(trx, client, options.onQuery), assembler, { schemas, major });
      // Statistics, not schema: kept out of the model (see IndexUsageStats).
      const indexUsage = assembler.indexUsage(await queryIndexUsage(trx, schemas));
      const server: ServerInfo = {
        version: serverRow.server_version.split(' ')[0]!,
        major,
        database: serverRow.database,
        user: serverRow.current_user,
      };
      const found = new Set(model.schemas.map((s) => s.name));
      return {
        model,
        server,
        missingSchemas: (schemas ?? []).filter((s) => !found.has(s)),
        ...(indexUsage ? { indexUsage } : {}),
      };
    });
}

/**
 * The model, read kind by kind in registry order: a top-level kind's
 * section from its own statement; a container's (tables) from its streamed
 * statements, the two name lookups, then its member kinds' statements in
 * registry order (columns, indexes, constraints, triggers: the order the
 * assembler needs, see CatalogAssembler). Sequential on purpose: one
 * connection, one snapshot. The sections come in the registry's order,
 * which is the model's (a registry guard test checks it).
 */
async function readModel(trx: Kysely<unknown>, stream: StreamRows, assembler: CatalogAssembler, scope: CatalogScope): Promise<SchemaModel> {
  const sections = new Map<keyof SchemaModel, readonly unknown[]>();
  for (const kind of KINDS) {
    const { catalog, placement } = kind;
    if (catalog.role === 'member') continue; // read with its container
    if (!('section' in placement)) throw new Error(`internal error: kind ${kind.name} is read on its own but has no section of the model`);
    if (catalog.role === 'section') {
      sections.set(placement.section, await catalog.read(trx, scope));
      continue;
    }
    await streamAll(stream, assembler, catalog.statements, scope);
    // Member rows name collations and operator classes by OID.
    assembler.lookups(await queryNonDefaultOpclasses(trx), await queryCollations(trx));
    for (const member of membersOf(kind)) await streamAll(stream, assembler, member, scope);
    sections.set(placement.section, assembler.tables());
  }
  // Every section is set, in the model's order: each kind's decoder returns its section's objects.
  return Object.fromEntries(sections) as unknown as SchemaModel;
}

/** The statements of the member kinds of `container`, kind by kind in registry order. */
function membersOf(container: RegisteredKind): (readonly StreamedStatement[])[] {
  return KINDS.flatMap((kind) =>
    'container' in kind.placement && kind.placement.container === container.name && kind.catalog.role === 'member' ? [kind.catalog.statements] : [],
  );
}

/** Stream each statement's rows into its assembler step, one statement after the other. */
async function streamAll(stream: StreamRows, assembler: CatalogAssembler, statements: readonly StreamedStatement[], scope: CatalogScope): Promise<void> {
  for (const statement of statements) {
    const step = assembler.steps[statement.step];
    const query = statement.query(scope);
    if (query.fields !== step.fields) throw new Error(`internal error: the ${statement.step} step reads other fields than its statement returns`);
    await stream(query, step.onRow);
  }
}
