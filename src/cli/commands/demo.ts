import { describeTarget, validateUrl } from '../../db/connect.js';
import { ExitCode, ServerError, UsageError } from '../../errors.js';
import { readLiveSchema } from '../../introspect/read-live-schema.js';
import { createOnekeelDatabase } from '../../demo/onekeel.js';
import { provisionServer } from '../../server/provision.js';
import { buildSnapshot, serializeSnapshot } from '../../snapshot/snapshot.js';
import type { CliIo } from '../io.js';
import type { DemoOptions } from '../options.js';
import { emit, progress } from '../output.js';

/**
 * The demo: a throw-away server holding the OneKeel Swarm production schema
 * and data, read exactly as `snapshot` reads a real database. Everything it
 * starts is stopped again, also on Ctrl-C.
 */
export async function demoCommand(options: DemoOptions, io: CliIo): Promise<ExitCode> {
  if (options.db) {
    try {
      validateUrl(options.db);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const say = progress(io, options.verbose);
  say(options.db ? `using the server at ${describeTarget(options.db)}` : `starting PostgreSQL ${options.pgMajor}`);
  let server;
  try {
    server = await provisionServer({
      url: options.db,
      major: options.pgMajor,
      ...(options.verbose ? { onLog: (line: string) => io.stderr.write(`postgres: ${line}\n`) } : {}),
    });
  } catch (err) {
    throw new ServerError(`cannot start the demo server: ${(err as Error).message}`, { cause: err });
  }
  const unregister = io.onInterrupt(() => server.stop());
  try {
    say(`started ${server.description}`);
    say('loading the OneKeel Swarm fixture');
    const demo = await createOnekeelDatabase(server.url);
    const unregisterDrop = io.onInterrupt(() => demo.drop());
    try {
      const result = await readLiveSchema(demo.url);
      say(`read ${result.model.tables.length} tables and ${result.model.enums.length} enums from PostgreSQL ${result.server.version}`);
      emit(io, serializeSnapshot(buildSnapshot(result.model, { ...result.server, database: 'onekeel_swarm' }, undefined)), options.out);
    } finally {
      unregisterDrop();
      await demo.drop();
    }
  } finally {
    unregister();
    await server.stop();
  }
  return ExitCode.Clean;
}
