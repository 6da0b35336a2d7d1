import { resolveExpected } from '../../expected/resolve-expected.js';
import { UsageError } from '../../errors.js';
import { looksLikeConnectionString } from '../../redact.js';
import { SNAPSHOT_FORMAT_VERSION, serializeSnapshot, type SnapshotDocument } from '../../snapshot/snapshot.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { CompileOptions } from '../compile-options.js';
import { emit, progress } from '../output.js';
import { VERSION } from '../version.js';
import type { AclObject } from '../../kinds/privilege/model.js';
import { sortGrants } from '../../kinds/privilege/catalog.js';

/** The scratch database's loader and creator roles (scratch.ts), named with a random suffix. */
const SCRATCH_ROLE = /^sa_(loader|creator)_[0-9a-f]{10}$/;

/**
 * Owners and grants of the scratch database's own roles, named without their
 * random suffix, so that compiling the same source twice writes the same
 * bytes. Never governed (a random name could not be), so never compared.
 */
function stableScratchRoles(o: AclObject): AclObject {
  const name = (role: string): string => role.replace(SCRATCH_ROLE, 'sa_$1');
  return {
    ...o,
    ...(o.kind === 'default privileges' ? { name: name(o.name) } : {}),
    owner: o.owner === null ? null : name(o.owner),
    grants: sortGrants(o.grants.map((g) => ({ ...g, grantee: name(g.grantee) }))),
  };
}

/**
 * `schema-audit compile SOURCE`: the expected model of a spec, a .sql file or
 * a folder of migrations, normalised on a scratch server of `--pg-major`, as
 * a model snapshot (what `snapshot --format model` writes) whose source names
 * what it was compiled from. `audit --expected FILE` reads it as any snapshot,
 * without a scratch server. Through the expected-model cache, as audit.
 */
export async function compileCommand(options: CompileOptions, io: CliIo): Promise<ExitCode> {
  const say = progress(io, options.verbose);
  const scratchServer = options.scratchUrl ?? io.scratchServerUrl;
  if (looksLikeConnectionString(options.source)) {
    throw new UsageError('compile takes a spec, a .sql file or a folder of .sql migrations, not a database: read a database with snapshot --format model');
  }
  const expected = await resolveExpected(options.source, {
    major: options.pgMajor,
    ...(options.schemas.length ? { schemas: options.schemas } : {}),
    ...(options.excludeSchemas.length ? { excludeSchemas: options.excludeSchemas } : {}),
    onProgress: say,
    limits: options.limits,
    ...(options.cacheDir ? { cache: { dir: options.cacheDir, toolVersion: VERSION }, onCache: say } : {}),
    ...(scratchServer ? { serverUrl: scratchServer } : {}),
  });
  if (expected.kind !== 'spec' && expected.kind !== 'sql' && expected.kind !== 'migrations') {
    throw new UsageError(`compile takes a spec, a .sql file or a folder of .sql migrations; ${options.source} is a model snapshot already`);
  }
  const doc: SnapshotDocument = {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    source: {
      database: options.source,
      serverVersion: String(options.pgMajor),
      schemas: options.schemas.length ? [...options.schemas] : null,
      compiledFrom: { kind: expected.kind, sha256: expected.sha256, toolVersion: VERSION },
    },
    schema: {
      ...expected.model,
      // The scratch server's roles are the cluster's, not the schema's (as snapshot.ts leaves them out).
      privileges: (expected.model.privileges ?? []).filter((o) => o.kind !== 'role').map(stableScratchRoles),
      tables: expected.model.tables.map((t) => {
        const { rowEstimate: _omit, ...rest } = t;
        return rest as typeof t;
      }),
    },
  };
  emit(io, serializeSnapshot(doc), options.out);
  return ExitCode.Clean;
}
