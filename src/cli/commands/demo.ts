import { visible } from '../../safe-text.js';
import { describeTarget, validateUrl } from '../../db/connect.js';
import { ServerError, UsageError } from '../../errors.js';
import type { ExitCode } from '../exit-codes.js';
import { readLiveSchema } from '../../introspect/read-live-schema.js';
import type { ServerInfo } from '../../introspect/introspector.js';
import { createOnekeelDatabase } from '../../demo/onekeel.js';
import { provisionServer } from '../../server/provision.js';
import { resolveExpected } from '../../expected/resolve-expected.js';
import { ONEKEEL_SPEC_DIR } from '../../paths.js';
import { reportAudit } from './report.js';
import path from 'node:path';
import type { CliIo } from '../io.js';
import type { DemoOptions } from '../options.js';
import { progress } from '../output.js';

/**
 * The demo: a throw-away server holding the OneKeel Swarm production schema
 * and data (fixtures/onekeel-swarm/current.sql + data.sql), audited exactly
 * as `audit` audits a real database against the spec in
 * expected-schema/onekeel-swarm/.
 * Everything it starts is stopped again, also on Ctrl-C.
 */
/** The demo's target is a throw-away server: name it so, with no random port, so reports are reproducible. */
const DEMO_TARGET = { host: 'throw-away demo server', port: 0, user: null, location: 'onekeel_swarm (demo fixture)' };

export async function demoCommand(options: DemoOptions, io: CliIo): Promise<ExitCode> {
  if (options.db) validateUrl(options.db);
  const say = progress(io, options.verbose);
  say(options.db ? `using the server at ${describeTarget(options.db)}` : `starting PostgreSQL ${options.pgMajor}`);
  let server;
  try {
    server = await provisionServer({
      url: options.db,
      major: options.pgMajor,
      ...(options.verbose ? { onLog: (line: string) => io.stderr.write(`postgres: ${visible(line)}\n`) } : {}),
    });
  } catch (err) {
    // No binaries for this platform or major: exit 2, and what to do instead.
    if (err instanceof UsageError) throw new UsageError(`cannot start the demo server: ${err.message.split('; give ')[0]}; run the demo on a PostgreSQL server of yours with --db URL`);
    throw new ServerError(`cannot start the demo server: ${(err as Error).message}`, { cause: err });
  }
  const unregister = io.onInterrupt(() => server.stop());
  try {
    say(`started ${server.description}`);
    say('loading the OneKeel Swarm fixture');
    // Its removal is registered before it is created: a signal at any moment drops it (on the user's server with --db).
    const demo = await createOnekeelDatabase(server.url, undefined, { register: (drop) => io.onInterrupt(drop) });
    try {
      const live = await readLiveSchema(demo.url);
      say(`read ${live.model.tables.length} tables and ${live.model.enums.length} enums from PostgreSQL ${live.server.version}`);
      const source = path.relative(io.cwd, ONEKEEL_SPEC_DIR) || ONEKEEL_SPEC_DIR;
      const expected = await resolveExpected(ONEKEEL_SPEC_DIR, {
        major: live.server.major,
        serverUrl: server.url,
        onProgress: say,
        live: live.model,
      });
      return await reportAudit(
        {
          // --history: the demo's server is new each run; its system identifier is left out, so runs match by the demo's name.
          live: { model: expected.live ?? live.model, server: { ...live.server, database: 'onekeel_swarm', ...demoIdentity(live.server) }, target: DEMO_TARGET },
          expected: { ...expected, source },
          ...(expected.diff ? { diff: expected.diff } : {}),
        },
        options,
        io,
        // No index usage statistics: the demo database is seconds old, so
        // every index would look unused. --verify uses the demo's server.
        { scratchServerUrl: server.url },
      );
    } finally {
      await demo.drop();
    }
  } finally {
    unregister();
    await server.stop();
  }
}

/** The demo server's identity without its system identifier (a new cluster each run). */
function demoIdentity(server: ServerInfo): Pick<ServerInfo, 'identity'> {
  return server.identity ? { identity: { ...server.identity, systemIdentifier: null } } : {};
}
