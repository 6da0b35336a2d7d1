import type { DiffOptions } from '../diff/index.js';
import type { SchemaModel } from '../model/schema-model.js';
import { type SupportedMajor } from '../server/binaries.js';
import { type InputLimits } from '../spec-file/input-limits.js';
/**
 * `--expected SOURCE` → the expected model. Sources:
 * - `postgres://…`: a reference database (staging), read like the target;
 * - a `.sql` file, or a folder of `.sql` migrations applied in name order,
 *   loaded into a scratch server of the target's major;
 * - a snapshot document (`schema-audit snapshot --format json` output);
 * - an expected-schema spec: a `.yaml`/`.yml`/`.json` file, or a folder of
 *   them, validated, turned into DDL and loaded into a scratch server.
 */
export type ExpectedKind = 'database' | 'sql' | 'migrations' | 'snapshot' | 'spec';
export interface ExpectedSchema {
    readonly kind: ExpectedKind;
    /** The source as given, password redacted. */
    readonly source: string;
    /** sha256 of the source's bytes (files in apply order; for a database, of the model). */
    readonly sha256: string;
    readonly model: SchemaModel;
    /** Ignore rules and severity overrides the source carries (specs do). */
    readonly diff?: Pick<DiffOptions, 'ignore' | 'severity'>;
    /**
     * The live model with expressions the scratch server found equivalent
     * reconciled to the expected text (SQL and spec sources only).
     */
    readonly live?: SchemaModel;
    /**
     * Data migrations the source declares (a spec column's `backfill:`), by
     * `backfillKey(schema, table, column)`: used by the remediation plan.
     */
    readonly backfills?: ReadonlyMap<string, string>;
}
export interface ResolveOptions {
    /** Major of the audited server: scratch servers use the same one. */
    readonly major: number;
    readonly schemas?: readonly string[];
    readonly serverUrl?: string;
    readonly statementTimeoutMs?: number;
    /** The live model: SQL and spec sources reconcile equivalent expressions against it. */
    readonly live?: SchemaModel;
    readonly onProgress?: (message: string) => void;
    /** Limits on the files read (input-limits.ts); default DEFAULT_INPUT_LIMITS. */
    readonly limits?: InputLimits;
}
/** The major a scratch server must run to stand in for the audited one (exit 2 outside 14–18). */
export declare function scratchMajor(major: number): SupportedMajor;
export declare function resolveExpected(source: string, options: ResolveOptions): Promise<ExpectedSchema>;
/**
 * Check what can be checked without a database, before connecting: the
 * source exists, and a spec or a snapshot is valid. A broken spec is then reported as
 * such (exit 2) even when the target is unreachable.
 */
export declare function preflightExpected(source: string, limits?: InputLimits): Promise<void>;
