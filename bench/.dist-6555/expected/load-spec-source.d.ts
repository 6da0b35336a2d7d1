import type { IntrospectionResult } from '../introspect/introspector.js';
import type { SupportedMajor } from '../server/binaries.js';
import type { InputLimits } from '../spec-file/input-limits.js';
import type { LoadedSpec } from '../spec-file/spec-types.js';
import type { SchemaModel } from '../model/schema-model.js';
/**
 * Expected schema from a spec (YAML/JSON file or directory): validate it
 * (every problem at once, with file:line), turn it into DDL, load that into a
 * scratch server of the audited server's major, and introspect the result.
 * PostgreSQL itself then normalises every spelling the spec may use.
 *
 * Each statement runs under its own savepoint, so one bad type or expression
 * does not hide the others: every statement PostgreSQL rejects becomes a
 * problem at the spec node it came from. Each is sent alone (the extended
 * protocol refuses a string holding several), as the scratch database's
 * unprivileged owner (scratch.ts), after every SQL fragment of the spec was
 * parsed as the one expression, type or clause it stands for
 * (spec-file/expressions.ts).
 */
export interface LoadSpecOptions {
    readonly major: SupportedMajor;
    readonly serverUrl?: string;
    readonly schemas?: readonly string[];
    readonly onProgress?: (message: string) => void;
    /** The live model, to reconcile expressions with (see reconcile.ts). */
    readonly reconcile?: SchemaModel;
    /** Limits on the spec's files (input-limits.ts). */
    readonly limits?: InputLimits;
}
export interface SpecSourceResult {
    readonly spec: LoadedSpec;
    /** The expected schema, as the scratch server holds it. */
    readonly live: IntrospectionResult;
    readonly reconciledLive?: SchemaModel;
}
export declare function loadSpecSource(source: string, options: LoadSpecOptions): Promise<SpecSourceResult>;
