/**
 * `--verify`: prove a remediation plan before anyone runs it. The audited
 * database's structure (its model, rendered as DDL: the embedded binaries
 * ship no pg_dump) is loaded into a scratch database on a server of the same
 * major; up.sql runs there statement by statement, as psql would run it; the
 * result is audited against the expected schema; down.sql runs; the result
 * is compared with the original structure. The audited database is never
 * written to: only its model is used.
 *
 * Privileges come with the copy: every role the audited database's owners,
 * grants, default privileges and policies name (in the audited schemas) is
 * created NOLOGIN on the scratch server (src/expected/scratch.ts), and the
 * copy's objects get their owners, grants and default privileges
 * (modelToDdl's `roles`). A role the scratch loader may not become (a
 * superuser such as `postgres`, a predefined `pg_` role) cannot be given
 * objects there: what it owns stays the loader's, its default privileges
 * are not copied, and its privileges and ownerships are left out of the
 * re-audits. After down.sql the copy's privileges and owners are compared
 * for every copied role, governed or not (a view created again must get
 * its grants back).
 *
 * What it proves: the SQL is valid on that major, in that order, against
 * that structure, and does what the plan claims (only the manual and kept
 * findings remain after up; only what PostgreSQL cannot undo remains after
 * down). What it cannot prove: anything about the data (the copy is empty),
 * such as NULLs that block SET NOT NULL or duplicates that block a unique
 * index; the plan's hazards name those.
 */
import pg from 'pg';
import { connectClient } from '../db/connect.js';
import { UsageError } from '../errors.js';
import { auditScope, diffSchemas, type DiffOptions } from '../diff/index.js';
import { modelToDdl } from '../ddl/model-to-ddl.js';
import { reconcileExpressions } from '../expected/reconcile.js';
import { keepOwnership } from '../expected/load-sql.js';
import { queryOne, withScratchDatabase } from '../expected/scratch.js';
import type { PrivilegeGovernance, RoleMapping } from '../kinds/privilege/govern.js';
import { PUBLIC_GRANTEE } from '../kinds/privilege/model.js';
import { modelPolicyRoles } from '../kinds/policy/spec.js';
import { readLiveSchema } from '../introspect/read-live-schema.js';
import type { SchemaModel } from '../model/schema-model.js';
import { leftAfterRollback } from '../plan/plan.js';
import type { RemediationPlan } from '../plan/types.js';
import type { Verification, VerifyFailure } from '../plan/verification.js';

export { verificationText, type Verification, type VerifyFailure } from '../plan/verification.js';
import type { SupportedMajor } from '../server/binaries.js';

export interface VerifyInput {
  readonly plan: RemediationPlan;
  /** The audited database's model (the structure to copy). */
  readonly live: SchemaModel;
  readonly expected: SchemaModel;
  readonly major: SupportedMajor;
  /** The diff options the audit used (scope, ignore rules): the re-audit uses the same. */
  readonly diff?: DiffOptions;
  /** A server of ours to create the scratch database on (the demo's); default: start one of `major`. */
  readonly serverUrl?: string;
  readonly onProgress?: (message: string) => void;
}

const NOTE = 'structure only: the copy holds no rows, so data-dependent failures (NULLs, duplicates, orphans) are not covered';

export async function verifyPlan(input: VerifyInput): Promise<Verification> {
  const say = input.onProgress ?? ((): void => undefined);
  // The audit's scope: the copy is read, and compared, where the audit compared.
  const schemas = auditScope(input.expected, input.diff?.schemas);
  const diffOptions: DiffOptions = { ...input.diff, schemas };
  say(`verifying the migration on a scratch PostgreSQL ${input.major}`);
  try {
    return await verifyOnScratch(input, schemas, diffOptions);
  } catch (err) {
    // The copy could not even be prepared (an extension the scratch server
    // lacks, or only a superuser may create): not verified, and why.
    if (!(err instanceof UsageError)) throw err;
    return { verified: false, serverVersion: String(input.major), note: NOTE, failure: { stage: 'load', message: err.message } };
  }
}

async function verifyOnScratch(input: VerifyInput, schemas: readonly string[] | undefined, diffOptions: DiffOptions): Promise<Verification> {
  const say = input.onProgress ?? ((): void => undefined);
  return withScratchDatabase(
    {
      major: input.major,
      ...(input.serverUrl ? { serverUrl: input.serverUrl } : {}),
      extensions: input.live.extensions.map((e) => e.name),
      // The roles both sides' policies name, the audit governs and the copy's
      // privileges name: created NOLOGIN on this scratch server (never on the audited one).
      roles: scratchRoles(input, schemas),
      what: 'the structure of the audited database',
    },
    async (url, { unusableRoles }) => {
      const copied = copiedRoles(input, schemas, unusableRoles);
      // Ownership given to a role the loader may not become stays the loader's (as for the copy).
      const runnable = (sql: string): string => keepOwnership(sql, unusableRoles);
      const client = await connectClient(url);
      let serverVersion = '';
      try {
        serverVersion = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '';
        await client.query("SET search_path = pg_catalog, public");
        // As the DDL script and up.sql: a function body may name a table created after it.
        await client.query('SET check_function_bodies = false');
        for (const sql of modelToDdl(input.live, { roles: copied.map((r) => ({ expected: r, live: r })) })) {
          try {
            await queryOne(client, sql);
          } catch (err) {
            return { verified: false, serverVersion, note: NOTE, failure: { stage: 'load', statement: sql, message: errorText(err) } };
          }
        }
        const read = async (): Promise<SchemaModel> => (await readLiveSchema(url, { schemas })).model;
        const copy = await read();
        const run = async (direction: 'up' | 'down'): Promise<VerifyFailure | null> => {
          await client.query(`SET lock_timeout = '${input.plan.settings.lockTimeout}'`);
          const steps = direction === 'up' ? input.plan.steps : [...input.plan.steps].reverse();
          for (const step of steps) {
            for (const s of direction === 'up' ? step.up : step.down) {
              try {
                await queryOne(client, runnable(s.sql));
              } catch (err) {
                return { stage: direction, step: step.id, statement: s.sql, message: errorText(err) };
              }
            }
          }
          return null;
        };

        say('applying up.sql to the copy');
        const upFailure = await run('up');
        if (upFailure) return { verified: false, serverVersion, note: NOTE, failure: upFailure };
        const afterUp = await reconcileExpressions(input.expected, await read(), url);
        const left = diffSchemas(input.expected, afterUp, { ...diffOptions, ...upGovernance(diffOptions.privileges, unusableRoles) }).findings.map((f) => f.id);
        const allowed = new Set([...input.plan.manual.map((m) => m.findingId), ...input.plan.kept]);
        const unexpected = left.filter((id) => !allowed.has(id));
        if (unexpected.length) {
          return { verified: false, serverVersion, note: NOTE, failure: { stage: 'after_up', message: `after up.sql the audit still finds ${unexpected.join(', ')}` } };
        }

        say('applying down.sql to the copy');
        const downFailure = await run('down');
        if (downFailure) return { verified: false, serverVersion, note: NOTE, failure: downFailure };
        const afterDown = await reconcileExpressions(copy, await read(), url);
        const irreversible = new Set(leftAfterRollback(input.plan));
        const everyRole: PrivilegeGovernance = { roles: copied.map((r) => ({ expected: r, live: r })), privileges: true, owners: true };
        const notBack = diffSchemas(copy, afterDown, { schemas, privileges: everyRole }).findings.map((f) => f.id).filter((id) => !irreversible.has(id));
        if (notBack.length) {
          return {
            verified: false,
            serverVersion,
            note: NOTE,
            failure: { stage: 'after_down', message: `after down.sql the structure differs from the original: ${notBack.join(', ')}` },
          };
        }
        return { verified: true, serverVersion, note: NOTE };
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  );
}

/** Every role named in the audited schemas' owners, grants and default privileges (not PUBLIC, not the predefined `pg_` roles). */
function namedRoles(live: SchemaModel, schemas: readonly string[] | undefined): string[] {
  const out = new Set<string>();
  for (const o of live.privileges ?? []) {
    if (o.kind === 'role' || o.kind === 'database' || (o.schema !== '' && schemas !== undefined && !schemas.includes(o.schema))) continue;
    if (o.owner !== null) out.add(o.owner);
    if (o.kind === 'default privileges') out.add(o.name);
    for (const g of o.grants) out.add(g.grantee);
  }
  return [...out].filter((r) => r !== PUBLIC_GRANTEE && !r.startsWith('pg_'));
}

/** The roles the scratch server gets: the policies', the governed ones (live names), the copy's privileges'. */
function scratchRoles(input: VerifyInput, schemas: readonly string[] | undefined): string[] {
  const governed = (input.diff?.privileges?.roles ?? []).map((r: RoleMapping) => r.live);
  return [...new Set([...modelPolicyRoles([input.live, input.expected]), ...governed, ...namedRoles(input.live, schemas)])]
    .filter((r) => r !== PUBLIC_GRANTEE && !r.startsWith('pg_'))
    .sort();
}

/** The roles whose owners, grants and default privileges the copy carries: those named, that the loader may become. */
function copiedRoles(input: VerifyInput, schemas: readonly string[] | undefined, unusable: ReadonlySet<string>): string[] {
  return namedRoles(input.live, schemas).filter((r) => !unusable.has(r)).sort();
}

/**
 * The audit's governance for the re-audit after up.sql, without the roles
 * the copy could not give objects to; the copy's database is the scratch
 * server's, so database-level privileges are not compared (even when the
 * spec declares them: the copy's database does not start from the live one's).
 */
function upGovernance(g: PrivilegeGovernance | undefined, unusable: ReadonlySet<string>): { privileges?: PrivilegeGovernance } {
  if (g === undefined) return {};
  return { privileges: { ...g, roles: g.roles.filter((r) => !unusable.has(r.live)), scratchExpected: true, databaseDeclared: false } };
}

function errorText(err: unknown): string {
  const e = err as { message?: string; code?: string };
  return `${e.code ? `${e.code}: ` : ''}${(e.message ?? String(err)).split('\n')[0]}`;
}
