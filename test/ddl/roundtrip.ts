/**
 * The DDL round trip on a real server: SQL → database → `snapshot --format
 * sql` (or modelToDdl + renderDdlScript) → a script file → `psql -v
 * ON_ERROR_STOP=1 -f` into a second, empty database → model. The two models
 * must be the same schema.
 *
 * Where PostgreSQL's printed text is not a fixed point (`status IN ('a',
 * 'b')` on a varchar column prints as `= ANY ((ARRAY[...])::text[])`, which
 * parsed again prints as `= ANY (ARRAY[(...)::text, ...])`), the reloaded
 * text differs though the expression is the same, as it would after
 * pg_dump. Such texts (checks, defaults, generation expressions, index
 * predicates) are reconciled the way `audit` reconciles them: both are
 * parsed and printed once more on the source server, and equal results
 * count as equal. `afterAsRead` keeps the model as introspected.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { modelToDdl, renderDdlScript } from '../../src/ddl/model-to-ddl.js';
import { diffSchemas, type Finding } from '../../src/diff/index.js';
import { reconcileExpressions } from '../../src/expected/reconcile.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase } from '../support/db.js';
import { introspect } from '../support/introspect.js';
import { applySqlFile } from '../support/psql.js';
import { specPart } from '../spec-ddl/builders.js';

export interface DdlRoundTrip {
  readonly before: SchemaModel;
  /** The reloaded model, its non-fixed-point texts reconciled with `before`'s. */
  readonly after: SchemaModel;
  readonly afterAsRead: SchemaModel;
  /** The script as loaded. */
  readonly script: string;
}

/** `cli`: write the script with `schema-audit snapshot --format sql --out FILE`; `api`: with modelToDdl + renderDdlScript. */
export type ScriptWriter = 'cli' | 'api';

export async function ddlRoundTrip(sourceSql: string, writer: ScriptWriter): Promise<DdlRoundTrip> {
  const source = await createTestDatabase('ddl_src');
  const target = await createTestDatabase('ddl_dst');
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-audit-ddl-'));
  try {
    await source.exec(sourceSql);
    const before = await introspect(source.url);
    const file = path.join(dir, 'schema.sql');
    if (writer === 'cli') {
      const r = await runCli(['snapshot', '--db', source.url, '--format', 'sql', '--out', file]);
      if (r.code !== 0 || r.stderr !== '') throw new Error(`snapshot --format sql exited ${r.code}: ${r.stderr}`);
    } else {
      writeFileSync(file, renderDdlScript(modelToDdl(before), { toolVersion: 'test', source: source.name }));
    }
    const script = readFileSync(file, 'utf8');
    await applySqlFile(target.url, file);
    const afterAsRead = await introspect(target.url);
    const after = await reconcileExpressions(before, afterAsRead, source.url);
    return { before, after, afterAsRead, script };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await source.drop();
    await target.drop();
  }
}

/**
 * What the DDL carries, for comparing two models: schemas (with comments),
 * extensions (name and schema: the version is the server's default), enums,
 * domains, sequences, and tables — columns, indexes and constraints with
 * their definitions, partitions, comments — without row estimates and
 * triggers (their functions are not in the model).
 */
export function ddlPart(model: SchemaModel): unknown {
  return {
    schemas: model.schemas,
    extensions: model.extensions.map((e) => ({ name: e.name, schema: e.schema })),
    ...(specPart(model) as object),
  };
}

/** Drift between the original (expected) and the reloaded model (actual). */
export function drift(r: DdlRoundTrip): readonly Finding[] {
  return diffSchemas(r.before, r.after).findings;
}
