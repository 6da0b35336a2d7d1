/**
 * `--verify`: prove a remediation plan before anyone runs it. The audited
 * database's structure (its model, rendered as DDL: the embedded binaries
 * ship no pg_dump) is loaded into a scratch database on a server of the same
 * major; up.sql runs there statement by statement, as psql would run it; the
 * result is audited against the expected schema; down.sql runs; the result
 * is compared with the original structure. The audited database is never
 * written to: only its model is used.
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
import { queryOne, withScratchDatabase } from '../expected/scratch.js';
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
      // The roles both sides' policies name: created NOLOGIN on this scratch server (never on the audited one).
      roles: modelPolicyRoles([input.live, input.expected]),
      what: 'the structure of the audited database',
    },
    async (url) => {
      const client = await connectClient(url);
      let serverVersion = '';
      try {
        serverVersion = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '';
        await client.query("SET search_path = pg_catalog, public");
        // As the DDL script and up.sql: a function body may name a table created after it.
        await client.query('SET check_function_bodies = false');
        for (const sql of modelToDdl(input.live)) {
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
                await queryOne(client, s.sql);
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
        const left = diffSchemas(input.expected, afterUp, diffOptions).findings.map((f) => f.id);
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
        const notBack = diffSchemas(copy, afterDown, { schemas }).findings.map((f) => f.id).filter((id) => !irreversible.has(id));
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

function errorText(err: unknown): string {
  const e = err as { message?: string; code?: string };
  return `${e.code ? `${e.code}: ` : ''}${(e.message ?? String(err)).split('\n')[0]}`;
}
