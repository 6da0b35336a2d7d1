import type { ServerInfo } from '../introspect/introspector.js';
import type { SchemaModel } from '../model/schema-model.js';
/**
 * The snapshot document `schema-audit snapshot` writes: the live schema as
 * stable, readable JSON. Statistics (row estimates) are left out, so the same
 * schema always gives the same bytes whatever its data.
 */
export declare const SNAPSHOT_FORMAT_VERSION = 1;
export interface SnapshotDocument {
    readonly formatVersion: number;
    readonly source: {
        readonly database: string;
        readonly serverVersion: string;
        /** Schemas requested with --schema, or null for "every non-system schema". */
        readonly schemas: readonly string[] | null;
    };
    readonly schema: SchemaModel;
}
export declare function buildSnapshot(model: SchemaModel, server: ServerInfo, schemas: readonly string[] | undefined): SnapshotDocument;
/** Two-space indented JSON with a final newline; key order is the model's. */
export declare function serializeSnapshot(doc: SnapshotDocument): string;
