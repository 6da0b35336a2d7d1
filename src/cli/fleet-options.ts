/**
 * The fleet's flags on `audit` (`--targets`, `--concurrency`, `--shard`,
 * `--out-dir`) and the `merge` command: kept out of options.ts (its size).
 */
import type { Argv } from 'yargs';
import { parseShard, type Shard } from '../fleet/shard.js';

export interface FleetOptions {
  /** The targets file (YAML or JSON). */
  readonly targets: string;
  /** Targets audited at once. */
  readonly concurrency: number;
  readonly shard?: Shard;
  /** A report per target, the fleet report and its summary go here. */
  readonly outDir?: string;
  /** `--connect-timeout`, for the targets' URLs. */
  readonly connectTimeoutS?: number;
}

export const DEFAULT_CONCURRENCY = 4;

export function fleetFlags<T>(y: Argv<T>) {
  return y
    .option('targets', { type: 'string', describe: 'Audit a fleet: the databases listed in this YAML file (names, URLs from environment variables, discovery by name pattern)' })
    .option('concurrency', { type: 'string', describe: `With --targets: databases audited at once (1–64; default ${DEFAULT_CONCURRENCY})` })
    .option('shard', { type: 'string', describe: 'With --targets: I/N, audit only this run\'s share of the fleet (stable by target name), for a CI matrix' })
    .option('out-dir', { type: 'string', describe: 'With --targets: write a report per target (in --format), fleet.json and summary.txt to DIR, all or nothing' });
}

/** Flags a fleet cannot take: they name one output or one database. */
const ONE_TARGET_FLAGS = ['db', 'out', 'report', 'migration-dir', 'verify'] as const;

/** The fleet's options when --targets is given; undefined otherwise. Throws RangeError (exit 2). */
export function fleetOptions(a: Record<string, unknown>): FleetOptions | undefined {
  if (a.targets === undefined) {
    for (const flag of ['concurrency', 'shard', 'out-dir']) if (a[flag] !== undefined) throw new RangeError(`--${flag} goes with --targets`);
    return undefined;
  }
  const targets = String(a.targets);
  if (targets.trim() === '') throw new RangeError('--targets needs a file');
  for (const flag of ONE_TARGET_FLAGS) {
    const v = a[flag];
    if (v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)) throw new RangeError(`--${flag} audits or writes for one database: not with --targets (see --out-dir)`);
  }
  const concurrency = a.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(a.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new RangeError('--concurrency must be a whole number from 1 to 64');
  const outDir = a['out-dir'] as string | undefined;
  if (outDir !== undefined && String(outDir).trim() === '') throw new RangeError('--out-dir needs a directory');
  const timeout = a['connect-timeout'];
  if (timeout !== undefined && !(Number.isInteger(Number(timeout)) && Number(timeout) >= 1 && Number(timeout) <= 86_400)) {
    throw new RangeError('--connect-timeout must be a whole number of seconds from 1 to 86400');
  }
  return {
    targets,
    concurrency,
    ...(a.shard !== undefined ? { shard: parseShard(String(a.shard)) } : {}),
    ...(outDir !== undefined ? { outDir: String(outDir) } : {}),
    ...(timeout !== undefined ? { connectTimeoutS: Number(timeout) } : {}),
  };
}

export interface MergeOptions {
  readonly command: 'merge';
  readonly verbose: boolean;
  readonly color: boolean | undefined;
  readonly reports: readonly string[];
  readonly format: 'text' | 'json';
  readonly out: string | undefined;
}

/** `merge`: its flags, and the options they make. */
export function mergeCommand<T>(y: Argv<T>, select: (options: MergeOptions) => void): Argv<T> {
  return y.command(
    'merge <reports..>',
    'Combine the fleet reports (fleet.json) of the shards of one fleet into one summary',
    (y) =>
      y
        .positional('reports', { type: 'string', array: true, describe: 'fleet.json files, one per shard (--out-dir of audit --targets --shard I/N)' })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'text: the summary; json: the merged fleet report' })
        .option('out', { type: 'string', describe: 'Write to this file (atomically) instead of stdout' })
        .example('$0 merge shard-*/fleet.json', 'The fleet as one run would have reported it'),
    (a) => {
      select({
        command: 'merge',
        verbose: a.verbose === true,
        color: a.color as boolean | undefined,
        reports: ((a.reports as unknown[] | undefined) ?? []).map(String),
        format: a.format as 'text' | 'json',
        out: a.out as string | undefined,
      });
    },
  );
}
