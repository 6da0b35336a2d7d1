import { sql, type Kysely, type LogEvent } from 'kysely';
import type pg from 'pg';
import { KINDS, type RegisteredKind } from '../../kinds/registry.js';
import type { SchemaModel } from '../../model/schema-model.js';
import type { IntrospectOptions, IntrospectionResult, ServerInfo } from '../introspector.js';
import { CatalogAssembler } from './catalog-assembler.js';
import { queryIndexUsage } from './index-usage.js';
import type { CatalogScope, StreamedStatement } from './kind-catalog.js';
import { queryNameLookups } from './name-lookups.js';
import { queryServer, statsAccess } from './server.js';
import { IDENTITY_ACCESS_COLUMNS, catalogIdentity, type IdentityAccess } from '../../history/catalog-identity.js';
import { changedSinceSnapshot, lockHolders, lockTables, planTables, type PlannedTable } from './table-locks.js';
import type { TableScopeInput } from './table-scope.js';
import { AuditError, IntrospectionError } from '../../errors.js';
import { rowStreamer, type StreamRows } from './stream-rows.js';
import { queryUncovered, uncoveredQuery } from './uncovered.js';
import { hiddenKinds, relationsByKind } from './visibility.js';

/** introspectPostgres's options: the schemas to read, how to treat locked tables, and a statement logger. */
export interface IntrospectPostgresOptions extends IntrospectOptions {
  /** Receives every statement, as kysely's logger does. */
  readonly onQuery?: (event: LogEvent) => void;
  /** The connection's lock_timeout (default 5 s): how long `skip` waits for a locked table before leaving it out. */
  readonly lockTimeoutMs?: number;
}

/** How many times a read that met concurrent DDL is started again before giving up. */
export const READ_ATTEMPTS = 6;

/**
 * Read the schema in one REPEATABLE READ, READ ONLY transaction, so every
 * query sees the same snapshot even while a migration commits next door.
 * Always 29 statements whatever the number of tables: the tables in scope
 * and their lock holders (before the transaction), BEGIN, one LOCK TABLE of
 * those tables in ACCESS SHARE mode, the session settings (the first
 * statement to read: the snapshot is taken after the locks), the server
 * version and privileges, one catalog query per object kind, the expression
 * texts of indexes with several expressions, the tables and columns foreign
 * keys reference outside the scope, one small name lookup (operator classes
 * and collations), the objects of
 * kinds not compared (uncovered.ts), the index usage counters (when the
 * role may read them), the consistency check, COMMIT. A kind whose catalogs
 * the role may not read (a DBA revoked SELECT on pg_proc from PUBLIC, say:
 * the server statement says which, visibility.ts) is not read, one
 * statement fewer, and the result names it in `notVisible`.
 * The catalog queries are the kinds' own (`src/kinds/<kind>/catalog.ts`),
 * run by walking the registry (readModel). The big queries return raw
 * catalog columns, keep correlated subqueries out of their select lists (so
 * the server may deparse in parallel workers) and join nothing per row that
 * other rows already say: OIDs are named client-side. The per-table ones
 * (tables, columns, indexes, constraints, triggers and their helpers) go to
 * the pg client under `db` in array row mode and stream into the model as
 * their rows arrive (stream-rows.ts, catalog-assembler.ts).
 * statement_timeout and lock_timeout come with the connection
 * (src/db/connect.ts).
 *
 * Concurrent DDL (table-locks.ts): the tables are locked before the
 * snapshot; the consistency check at the end compares the snapshot's names
 * with the latest committed ones. A read that meets concurrent DDL (a
 * changed name, "cache lookup failed", a table gone before it was locked, a
 * standby's recovery conflict) is rolled back and started again, up to
 * READ_ATTEMPTS times: the model is always one snapshot's.
 *
 * Locked tables (`lockWait`): a table another session holds in ACCESS
 * EXCLUSIVE mode cannot be locked (nor its defaults deparsed). `wait` (the
 * default) waits lock_timeout, then fails naming the table and the holder;
 * `skip` waits as long for it to be released, then reads the others and
 * reports it in `notRead`.
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
  let lock = true;
  let lastRace = '';
  for (let attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
    const outcome = await readOnce(db, client, options, schemas, lock);
    if (outcome.result) return outcome.result;
    lastRace = outcome.race;
    if (outcome.withoutLocks) lock = false;
    await new Promise((r) => setTimeout(r, 20 * attempt + Math.floor(Math.random() * 50)));
  }
  throw new IntrospectionError(`the schema kept changing while it was read (${READ_ATTEMPTS} attempts; last: ${lastRace}); try again when the migration is done`);
}

/** The schemas left out (`--exclude-schema`), as a scope field. */
function excluded(options: IntrospectPostgresOptions): { excludeSchemas?: readonly string[] } {
  return options.excludeSchemas && options.excludeSchemas.length > 0 ? { excludeSchemas: [...new Set(options.excludeSchemas)] } : {};
}

/** One attempt: a result, or why it must start again. */
type Attempt = { result: IntrospectionResult; race?: undefined; withoutLocks?: undefined } | { result?: undefined; race: string; withoutLocks?: boolean };

async function readOnce(
  db: Kysely<unknown>,
  client: pg.ClientBase,
  options: IntrospectPostgresOptions,
  schemas: readonly string[] | undefined,
  lock: boolean,
): Promise<Attempt> {
  const locked = await beginLocked(db, options, schemas, lock);
  if ('race' in locked) return locked;
  const { notRead } = locked;
  const scope = { schemas, ...excluded(options), major: 0, notRead: notRead.map((t) => t.oid), only: locked.plan.map((t) => t.oid) };
  try {
    const result = await readSnapshot(db, client, options, scope);
    const changed = await changedSinceSnapshot(db, scope, locked.locked, new Set(result.notVisible?.kinds.flatMap((k) => k.lacks) ?? []));
    if (changed > 0) {
      await rollback(db);
      return { race: `${changed} object${changed === 1 ? '' : 's'} renamed or dropped during the read` };
    }
    await sql`commit`.execute(db);
    return {
      result: {
        ...result,
        ...(notRead.length > 0 ? { notRead: notRead.map((t) => ({ schema: t.schema, name: t.name, reason: `locked by another session: ${t.heldBy}` })) } : {}),
      },
    };
  } catch (err) {
    let race = await raceOf(err, db, scope);
    if (race === undefined && options.lockWait === 'skip' && sqlstate(err) === '55P03') {
      race = { race: 'a table was locked by another session after the tables were listed' };
    }
    await rollback(db);
    if (race === undefined) throw await namedLockError(err, db, locked.plan, options);
    return race;
  }
}

/** How many times listing and locking the tables is tried again when a table is renamed or dropped in between. */
const LOCK_ATTEMPTS = 40;

/**
 * List the tables, BEGIN, lock them (nothing read yet, so no snapshot yet).
 * A table renamed or dropped between the list and the lock fails the LOCK:
 * cheap to try again, so it is, up to LOCK_ATTEMPTS times, before counting
 * as one failed attempt of the read. Resolves with the transaction open and
 * the locks held.
 */
async function beginLocked(
  db: Kysely<unknown>,
  options: IntrospectPostgresOptions,
  schemas: readonly string[] | undefined,
  lock: boolean,
): Promise<{ plan: PlannedTable[]; notRead: PlannedTable[]; locked: PlannedTable[] } | { race: string; withoutLocks?: boolean }> {
  for (let attempt = 1; ; attempt++) {
    const plan = await planWithWaits(db, schemas, options);
    const notRead = options.lockWait === 'skip' ? plan.filter((t) => t.heldBy !== null) : [];
    const skipped = new Set(notRead.map((t) => t.oid));
    await sql`start transaction isolation level repeatable read, read only`.execute(db);
    try {
      const toLock = lock ? plan.filter((t) => t.lockable && !skipped.has(t.oid)) : [];
      await lockTables(db, toLock);
      return { plan, notRead, locked: toLock };
    } catch (err) {
      await rollback(db);
      const code = sqlstate(err);
      const message = String((err as { message?: unknown })?.message ?? err);
      // Too many tables to lock at once (max_locks_per_transaction), or no right to: read without locks.
      if (code === '53200' || code === '42501') return { race: message, withoutLocks: true };
      const race = (code !== undefined && code in RACE_SQLSTATES) || (options.lockWait === 'skip' && code === '55P03');
      if (!race) throw await namedLockError(err, db, plan, options);
      if (attempt >= LOCK_ATTEMPTS) return { race: message };
      await new Promise((r) => setTimeout(r, 5 * attempt));
    }
  }
}

function sqlstate(err: unknown): string | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

async function rollback(db: Kysely<unknown>): Promise<void> {
  await sql`rollback`.execute(db).catch(() => undefined);
}

/**
 * The tables in scope; with `skip`, polled for up to lock_timeout while some
 * are held by another session, so a lock held briefly does not leave a
 * table out.
 */
async function planWithWaits(db: Kysely<unknown>, schemas: readonly string[] | undefined, options: IntrospectPostgresOptions): Promise<PlannedTable[]> {
  let plan = await planTables(db, { schemas, ...excluded(options) });
  if (options.lockWait !== 'skip') return plan;
  const deadline = Date.now() + (options.lockTimeoutMs ?? 5_000);
  while (plan.some((t) => t.heldBy !== null) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, Math.min(250, Math.max(10, deadline - Date.now()))));
    plan = await planTables(db, { schemas, ...excluded(options) });
  }
  return plan;
}

const RACE_SQLSTATES: Record<string, string> = {
  '42P01': 'a table was dropped or renamed before it was locked',
  '40001': 'a conflict with recovery on the standby',
  '40P01': 'a deadlock with concurrent DDL',
};

/** Why `err`, met while reading, means "start again" (concurrent DDL), or undefined for a real failure. */
async function raceOf(err: unknown, db: Kysely<unknown>, scope: TableScopeInput): Promise<Attempt | undefined> {
  const code = sqlstate(err);
  const message = String((err as { message?: unknown })?.message ?? err);
  if (/cache lookup failed|could not open relation with OID|does not exist/i.test(message) && (code === 'XX000' || code === '42P01' || code === '42704')) {
    return { race: message };
  }
  if (code !== undefined && RACE_SQLSTATES[code]) return { race: `${RACE_SQLSTATES[code]} (${message})` };
  // A decoder meeting a deparser's NULL (an object dropped mid-read): still in the transaction, ask the catalog.
  if (code === undefined && !(err instanceof AuditError)) {
    const changed = await changedSinceSnapshot(db, scope).catch(() => 0);
    if (changed > 0) return { race: `${changed} objects changed during the read (${message})` };
  }
  return undefined;
}

/**
 * A lock timeout names the table and who holds it (wait), or starts again,
 * to leave the table out (skip: it was taken after the tables were listed).
 */
async function namedLockError(err: unknown, db: Kysely<unknown>, plan: readonly PlannedTable[], options: IntrospectPostgresOptions): Promise<unknown> {
  if ((err as { code?: unknown })?.code !== '55P03') return err;
  const holders = await lockHolders(db, plan).catch(() => []);
  const seconds = (options.lockTimeoutMs ?? 5_000) / 1000;
  const what = holders.length > 0 ? `table${holders.length > 1 ? 's' : ''} ${holders.join(', ')} ${holders.length > 1 ? 'are' : 'is'}` : 'a table was';
  return new IntrospectionError(
    `${what} locked by another session: gave up after the lock timeout (${seconds} s); --lock-wait skip reads the other tables and reports ${holders.length > 1 ? 'those' : 'it'} as not read`,
    { cause: err, meta: { sqlstate: '55P03' } },
  );
}

/** The reads of one attempt, inside the transaction, after the locks. */
async function readSnapshot(
  trx: Kysely<unknown>,
  client: pg.ClientBase,
  options: IntrospectPostgresOptions,
  scope: { schemas: readonly string[] | undefined; excludeSchemas?: readonly string[]; notRead: readonly string[]; only: readonly string[] },
): Promise<Omit<IntrospectionResult, 'notRead'>> {
  // Deparsed text depends on these settings (partition bounds and
  // defaults print timestamps in the session time zone): pin them. The
  // first statement that reads: the snapshot is taken here.
  const settings = await sql<IdentityAccess>`select set_config('search_path', 'pg_catalog, public', true),
                   set_config('timezone', 'UTC', true),
                   set_config('datestyle', 'ISO, YMD', true),
                   set_config('intervalstyle', 'postgres', true),
                   set_config('extra_float_digits', '1', true),
                   ${IDENTITY_ACCESS_COLUMNS}`.execute(trx);
  // Which catalogs each kind's statement reads; the server statement says which of them the role may not.
  const relations = relationsByKind(trx, kindStatements({ ...scope, major: 0 }));
  const serverRow = await queryServer(trx, [...new Set([...relations.values()].flat())], { access: settings.rows[0]!, schemas: scope.schemas });
  const versionNum = Number(serverRow.server_version_num);
  const major = Math.floor(versionNum / 10000);
  const assembler = new CatalogAssembler();
  const catalogScope: CatalogScope = { ...scope, major };
  const hidden = hiddenKinds(
    relations,
    new Set(serverRow.hidden_relations ? (JSON.parse(serverRow.hidden_relations) as string[]) : []),
    new Set(serverRow.proc_but_source === true ? ['pg_catalog.pg_proc'] : []),
  );
  const core = hidden.find((h) => KINDS.find((k) => k.name === h.kind)?.catalog.role === 'container');
  if (core) {
    throw new IntrospectionError(
      `the role ${serverRow.current_user} may not read ${core.lacks.join(', ')} (SELECT revoked), which every read of the schema needs; see "The least-privileged audit role" in the README`,
      { meta: { sqlstate: '42501' } },
    );
  }
  const notVisible = new Set(hidden.map((h) => h.kind));
  const model = await readModel(trx, rowStreamer(trx, client, options.onQuery), assembler, catalogScope, notVisible);
  // Statistics, not schema: kept out of the model (see IndexUsageStats).
  const access = statsAccess(serverRow);
  const indexUsage = access.readable ? assembler.indexUsage(await queryIndexUsage(trx, catalogScope)) : undefined;
  const unavailable = access.readable ? (indexUsage ? undefined : 'the server collects no statistics (track_counts is off)') : access.reason;
  const server: ServerInfo = {
    version: serverRow.server_version.split(' ')[0]!,
    major,
    database: serverRow.database,
    user: serverRow.current_user,
    identity: catalogIdentity(settings.rows[0], serverRow),
  };
  const found = new Set(model.schemas.map((s) => s.name));
  const uncovered = notVisible.has('uncovered') ? [] : await queryUncovered(trx, catalogScope);
  return {
    model,
    server,
    uncovered,
    ...(hidden.length > 0 ? { notVisible: { role: serverRow.current_user, kinds: hidden } } : {}),
    missingSchemas: (scope.schemas ?? []).filter((s) => !found.has(s)),
    ...(indexUsage ? { indexUsage } : {}),
    ...(unavailable ? { indexUsageUnavailable: unavailable } : {}),
    roles: serverRow.roles ? (JSON.parse(serverRow.roles) as string[]) : [],
  };
}

/**
 * The model, read kind by kind in registry order: a top-level kind's
 * section from its own statement; a container's (tables) from its streamed
 * statements, the name lookup (one statement), then its member kinds' statements in
 * registry order (columns, indexes, constraints, triggers: the order the
 * assembler needs, see CatalogAssembler). Sequential on purpose: one
 * connection, one snapshot. The sections come in the registry's order,
 * which is the model's (a registry guard test checks it).
 */
async function readModel(trx: Kysely<unknown>, stream: StreamRows, assembler: CatalogAssembler, scope: CatalogScope, notVisible: ReadonlySet<string>): Promise<SchemaModel> {
  const sections = new Map<keyof SchemaModel, readonly unknown[]>();
  for (const kind of KINDS) {
    const { catalog, placement } = kind;
    if (catalog.role === 'member' || catalog.role === 'none') continue; // read with its container, or nothing to read
    if (!('section' in placement)) throw new Error(`internal error: kind ${kind.name} is read on its own but has no section of the model`);
    if (catalog.role === 'section') {
      // A kind the role may not read: not read, its section empty (the result's notVisible says so).
      sections.set(placement.section, notVisible.has(kind.name) ? [] : await catalog.read(trx, scope));
      continue;
    }
    await streamAll(stream, assembler, catalog.statements, scope);
    // Member rows name collations and operator classes by OID.
    const names = await queryNameLookups(trx);
    assembler.lookups(names.opclasses, names.collations);
    for (const member of membersOf(kind)) {
      if (!notVisible.has(member.kind)) await streamAll(stream, assembler, member.statements, scope);
    }
    sections.set(placement.section, assembler.tables());
  }
  // Every section is set, in the model's order: each kind's decoder returns its section's objects.
  return Object.fromEntries(sections) as unknown as SchemaModel;
}

/** The statements of the member kinds of `container`, kind by kind in registry order. */
function membersOf(container: RegisteredKind): { kind: string; statements: readonly StreamedStatement[] }[] {
  return KINDS.flatMap((kind) =>
    'container' in kind.placement && kind.placement.container === container.name && kind.catalog.role === 'member'
      ? [{ kind: kind.name, statements: kind.catalog.statements }]
      : [],
  );
}

/**
 * Every kind's statements, unrun, by kind name in registry order, and the
 * list of objects of kinds not compared as `uncovered`: what visibility.ts
 * checks the role's SELECT rights against.
 */
function kindStatements(scope: CatalogScope): Map<string, { compile: (db: Kysely<unknown>) => { sql: string } }[]> {
  const out = new Map<string, { compile: (db: Kysely<unknown>) => { sql: string } }[]>();
  for (const kind of KINDS) {
    const { catalog } = kind;
    if (catalog.role === 'none') continue;
    out.set(kind.name, catalog.role === 'section' ? [catalog.statement(scope)] : catalog.statements.map((s) => s.query(scope).sql));
  }
  out.set('uncovered', [uncoveredQuery(scope)]);
  return out;
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
