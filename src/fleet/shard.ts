/**
 * `--shard i/n`: this run's share of a fleet. A target belongs to shard
 * `1 + (h mod n)`, `h` the first 48 bits of the SHA-256 of its name: the
 * same on every machine and in every run, and a target added or removed
 * moves no other target to another shard.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** `i/n` with 1 ≤ i ≤ n ≤ 10000. Throws RangeError (exit 2). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d{1,5})\s*\/\s*(\d{1,5})\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 10_000 || index < 1 || index > count) {
    throw new RangeError(`--shard takes I/N, this run's share of N (1 ≤ I ≤ N ≤ 10000), e.g. 2/4; not "${text.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)}"`);
  }
  return { index, count };
}

/** The shard (1-based) a target of this name belongs to, out of `count`. */
export function shardOf(name: string, count: number): number {
  const h = createHash('sha256').update(name, 'utf8').digest().readUIntBE(0, 6);
  return 1 + (h % count);
}

/** The items of this shard, in their order. */
export function inShard<T extends { readonly name: string }>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard === undefined ? [...items] : items.filter((t) => shardOf(t.name, shard.count) === shard.index);
}
