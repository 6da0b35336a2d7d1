import { statSync } from 'node:fs';
import path from 'node:path';
import { describeTarget } from '../../db/connect.js';
import { UsageError } from '../../errors.js';
import { writeFolder } from '../../io/write-folder.js';
import { splitSpec } from '../../snapshot/spec-folder.js';
import { modelToDdl, renderDdlScript } from '../../ddl/model-to-ddl.js';
import { ExitCode } from '../exit-codes.js';
import { buildSnapshot, serializeSnapshot } from '../../snapshot/snapshot.js';
import { modelToSpec } from '../../spec-file/model-to-spec.js';
import { renderSpecJson, renderSpecYaml } from '../../spec-file/spec-yaml.js';
import type { CliIo } from '../io.js';
import type { SnapshotOptions } from '../options.js';
import { emit, progress } from '../output.js';
import { VERSION } from '../version.js';
import { readTarget, warnTo } from './read-target.js';

/**
 * The live schema as an expected-schema spec (YAML or JSON), so a team can
 * bootstrap its spec from a known-good database; with `--format model`, the
 * raw introspected model for tooling; with `--format sql`, a psql script that
 * builds the schema in an empty database (what the model holds: see
 * src/ddl/model-to-ddl.ts for what it does not). Every format is byte-stable: no time is written.
 */
export async function snapshotCommand(options: SnapshotOptions, io: CliIo): Promise<ExitCode> {
  const folder = options.out !== undefined && isFolderTarget(options.out, io.cwd);
  if (folder && (options.format === 'model' || options.format === 'sql')) {
    throw new UsageError(`--out ${options.out} is a folder: only --format yaml or json can be written as a folder`);
  }
  const result = await readTarget(options.db, options.schemas, options.statementTimeoutMs, progress(io, options.verbose), options.lockWait, warnTo(io), options.excludeSchemas);
  const schemas = options.schemas.length ? { schemas: options.schemas } : {};
  const spec = { ...schemas, ...(options.roles.length ? { roles: options.roles } : {}) };
  if (folder) {
    const format = options.format === 'json' ? 'json' : 'yaml';
    const render = format === 'json' ? renderSpecJson : renderSpecYaml;
    const files = splitSpec(modelToSpec(result.model, spec), format).map((f) => ({ name: f.name, content: render(f.spec) }));
    writeFolder(path.resolve(io.cwd, options.out as string), files, options.out);
    return ExitCode.Clean;
  }
  let text: string;
  switch (options.format) {
    case 'model':
      text = serializeSnapshot(buildSnapshot(result.model, result.server, options.schemas));
      break;
    case 'json':
      text = renderSpecJson(modelToSpec(result.model, spec));
      break;
    case 'yaml':
      text = renderSpecYaml(modelToSpec(result.model, spec));
      break;
    case 'sql': {
      const scope = options.schemas.length ? `, schemas ${options.schemas.join(', ')}` : '';
      const source = `${describeTarget(options.db)} (PostgreSQL ${result.server.version}${scope})`;
      text = renderDdlScript(modelToDdl(result.model, schemas), { toolVersion: VERSION, source });
      break;
    }
  }
  emit(io, text, options.out);
  return ExitCode.Clean;
}

/** `--out DIR/` (ending in a separator) or an existing directory: the spec is written as a folder (src/snapshot/spec-folder.ts). */
function isFolderTarget(out: string, cwd: string): boolean {
  if (/[\\/]$/.test(out)) return true;
  try {
    return statSync(path.resolve(cwd, out)).isDirectory();
  } catch {
    return false;
  }
}
