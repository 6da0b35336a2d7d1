import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { SnapshotOptions } from '../options.js';
/**
 * The live schema as an expected-schema spec (YAML or JSON), so a team can
 * bootstrap its spec from a known-good database; with `--format model`, the
 * raw introspected model for tooling; with `--format sql`, a psql script that
 * builds the schema in an empty database (what the model holds: views, but
 * no functions or triggers). Every format is byte-stable: no time is written.
 */
export declare function snapshotCommand(options: SnapshotOptions, io: CliIo): Promise<ExitCode>;
