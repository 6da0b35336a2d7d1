import { sql, type Kysely, type LogEvent } from 'kysely';
import type pg from 'pg';
import { CatalogAssembler } from './catalog-assembler.js';
import type { IntrospectOptions, IntrospectionResult, ServerInfo } from '../introspector.js';
import { columnsQuery } from './queries/columns.js';
import { constraintsQuery, referencedColumnsQuery } from './queries/constraints.js';
import { queryDomains } from './queries/domains.js';
import { queryEnums } from './queries/enums.js';
import { queryExtensions } from './queries/extensions.js';
import { queryIndexUsage } from './queries/index-stats.js';
import { indexExpressionsQuery, indexesQuery } from './queries/indexes.js';
import { queryCollations, queryNonDefaultOpclasses } from './queries/lookups.js';
import { queryRoutines } from './queries/routines.js';
import { querySchemas } from './queries/schemas.js';
import { querySequences } from './queries/sequences.js';
import { queryServer } from './queries/server.js';
import { tablesQuery } from './queries/tables.js';
import { triggersQuery } from './queries/triggers.js';
import { queryViews } from './queries/views.js';
import { rowStreamer } from './stream-rows.js';

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
 * counters), whatever the number of tables. The big queries return raw
 * catalog columns, keep correlated subqueries out of their select lists (so
 * the server may deparse in parallel workers) and join nothing per row that
 * other rows already say: OIDs are named client-side. The per-table ones
 * (tables, columns, indexes, constraints, triggers and their helpers) go to
 * the pg client under `db` in array row mode and stream into the model as
 * their rows arrive (stream-rows.ts). statement_timeout and lock_timeout come
 * with the connection (src/db/connect.ts), so a catalog locked by a running
 * migration makes us fail fast instead of queueing behind it.
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
      // Sequential on purpose: one connection, one snapshot. The per-table
      // queries stream into the assembler, in the order it needs (column
      // collations and index keys need the lookups, index keys the columns
      // and expressions; foreign keys the referenced column names).
      const stream = rowStreamer(trx, client, options.onQuery);
      const tables = new CatalogAssembler();
      const schemaRows = await querySchemas(trx, schemas);
      const extensions = await queryExtensions(trx);
      const enums = await queryEnums(trx, schemas);
      const domains = await queryDomains(trx, schemas);
      const sequences = await querySequences(trx, schemas);
      await stream(tablesQuery(schemas), tables.table);
      tables.lookups(await queryNonDefaultOpclasses(trx), await queryCollations(trx));
      await stream(columnsQuery(schemas), tables.column);
      await stream(indexExpressionsQuery(schemas), tables.indexExpression);
      await stream(indexesQuery(major, schemas), tables.index);
      await stream(referencedColumnsQuery(schemas), tables.referencedColumn);
      await stream(constraintsQuery(schemas), tables.constraint);
      await stream(triggersQuery(schemas), tables.trigger);
      const views = await queryViews(trx, schemas);
      const routines = await queryRoutines(trx, schemas);
      // Statistics, not schema: kept out of the model (see IndexUsageStats).
      const indexUsage = tables.indexUsage(await queryIndexUsage(trx, schemas));
      const server: ServerInfo = {
        version: serverRow.server_version.split(' ')[0]!,
        major,
        database: serverRow.database,
        user: serverRow.current_user,
      };
      const found = new Set(schemaRows.map((s) => s.name));
      return {
        model: tables.finish({ schemas: schemaRows, extensions, enums, domains, sequences, views, routines }),
        server,
        missingSchemas: (schemas ?? []).filter((s) => !found.has(s)),
        ...(indexUsage ? { indexUsage } : {}),
      };
    });
}
