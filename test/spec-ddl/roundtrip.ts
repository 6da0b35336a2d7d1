/**
 * The spec round trip on a real server: DDL → database → model → spec → text
 * file → loadSpec → specToDdl → a second, empty database → model.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { loadSpec } from '../../src/spec-file/load-spec.js';
import { modelToSpec } from '../../src/spec-file/model-to-spec.js';
import { specToDdl, type DdlStatement } from '../../src/spec-file/spec-to-ddl.js';
import { renderSpecJson, renderSpecYaml } from '../../src/spec-file/spec-yaml.js';
import type { LoadedSpec, SpecFile } from '../../src/spec-file/spec-types.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { introspect } from '../support/introspect.js';

export interface RoundTrip {
  readonly before: SchemaModel;
  readonly after: SchemaModel;
  readonly spec: SpecFile;
  readonly text: string;
  readonly loaded: LoadedSpec;
  readonly ddl: readonly DdlStatement[];
}

/** Run each statement on its own, so a failure names the statement and its spec path. */
export async function applyDdl(db: TestDatabase, ddl: readonly DdlStatement[]): Promise<void> {
  // As a spec loads (load-spec-source.ts) and up.sql runs: a function body may name a table created after it.
  await db.exec('SET check_function_bodies = false');
  for (const statement of ddl) {
    try {
      await db.exec(statement.sql);
    } catch (err) {
      throw new Error(`${statement.path.join('.')}: ${(err as Error).message}\n${statement.sql}`, { cause: err });
    }
  }
}

export async function roundTrip(sourceSql: string, format: 'yaml' | 'json' = 'yaml'): Promise<RoundTrip> {
  const source = await createTestDatabase('spec_src');
  const target = await createTestDatabase('spec_dst');
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-audit-spec-'));
  try {
    await source.exec(sourceSql);
    const before = await introspect(source.url);
    const spec = modelToSpec(before);
    const text = format === 'yaml' ? renderSpecYaml(spec) : renderSpecJson(spec);
    const file = path.join(dir, `schema.${format}`);
    writeFileSync(file, text);
    const loaded = loadSpec(file);
    const ddl = specToDdl(loaded);
    await applyDdl(target, ddl);
    const after = await introspect(target.url);
    return { before, after, spec, text, loaded, ddl };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await source.drop();
    await target.drop();
  }
}
