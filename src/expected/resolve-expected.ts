import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { redactUrl } from '../db/connect.js';
import { UsageError } from '../errors.js';
import { readLiveSchema } from '../introspect/read-live-schema.js';
import type { SchemaModel } from '../model/schema-model.js';
import { parseMajor, type SupportedMajor } from '../server/binaries.js';
import { SNAPSHOT_FORMAT_VERSION, type SnapshotDocument } from '../snapshot/snapshot.js';
import { loadSqlSource, sqlSourceFiles } from './load-sql.js';

/**
 * `--expected SOURCE` → the expected model. Sources:
 * - `postgres://…`: a reference database (staging), read like the target;
 * - a `.sql` file, or a folder of `.sql` migrations applied in name order,
 *   loaded into a scratch server of the target's major;
 * - a snapshot document (`schema-audit snapshot` output, `.json`).
 */
export type ExpectedKind = 'database' | 'sql' | 'migrations' | 'snapshot';

export interface ExpectedSchema {
  readonly kind: ExpectedKind;
  /** The source as given, password redacted. */
  readonly source: string;
  /** sha256 of the source's bytes (files in apply order; for a database, of the model). */
  readonly sha256: string;
  readonly model: SchemaModel;
}

export interface ResolveOptions {
  /** Major of the audited server: scratch servers use the same one. */
  readonly major: number;
  readonly schemas?: readonly string[];
  readonly serverUrl?: string;
  readonly statementTimeoutMs?: number;
  readonly onProgress?: (message: string) => void;
}

function sha256(parts: readonly (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

function scratchMajor(major: number): SupportedMajor {
  try {
    return parseMajor(major);
  } catch {
    throw new UsageError(`the audited server is PostgreSQL ${major}; SQL sources can be loaded only into 14–18: use a reference database URL`);
  }
}

export async function resolveExpected(source: string, options: ResolveOptions): Promise<ExpectedSchema> {
  if (/^postgres(ql)?:\/\//.test(source)) {
    const result = await readLiveSchema(source, {
      ...(options.schemas?.length ? { schemas: options.schemas } : {}),
      ...(options.statementTimeoutMs ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
    });
    return { kind: 'database', source: redactUrl(source), sha256: sha256([JSON.stringify(result.model)]), model: result.model };
  }
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new UsageError(`expected source not found: ${source}`);
  }
  if (!stat.isDirectory() && /\.json$/i.test(source)) {
    const text = readFileSync(source, 'utf8');
    let doc: SnapshotDocument;
    try {
      doc = JSON.parse(text) as SnapshotDocument;
    } catch (err) {
      throw new UsageError(`${source} is not valid JSON: ${(err as Error).message}`);
    }
    if (doc?.formatVersion !== SNAPSHOT_FORMAT_VERSION || typeof doc.schema !== 'object' || !Array.isArray(doc.schema?.tables)) {
      throw new UsageError(`${source} is not a schema-audit snapshot (formatVersion ${SNAPSHOT_FORMAT_VERSION})`);
    }
    return { kind: 'snapshot', source, sha256: sha256([text]), model: doc.schema };
  }
  if (!stat.isDirectory() && /\.ya?ml$/i.test(source)) {
    throw new UsageError(`${source}: YAML expected-schema specs are not supported yet; use a .sql file, a migrations folder, a snapshot .json or a database URL`);
  }
  if (stat.isDirectory() || /\.sql$/i.test(source)) {
    const { files } = sqlSourceFiles(source);
    const hash = sha256(files.flatMap((f) => [path.basename(f), '\0', readFileSync(f)]));
    const result = await loadSqlSource(source, {
      major: scratchMajor(options.major),
      ...(options.schemas ? { schemas: options.schemas } : {}),
      ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { kind: stat.isDirectory() ? 'migrations' : 'sql', source, sha256: hash, model: result.model };
  }
  throw new UsageError(`cannot tell what ${source} is: expected a postgres:// URL, a .sql file, a folder of .sql migrations, or a snapshot .json`);
}

