import { jsonAscii } from '../safe-text.js';
import type { ServerInfo } from '../introspect/introspector.js';
import type { SchemaModel, Table } from '../model/schema-model.js';

/**
 * The snapshot document `schema-audit snapshot` writes: the live schema as
 * stable, readable JSON. Statistics (row estimates) are left out, so the same
 * schema always gives the same bytes whatever its data.
 */
export const SNAPSHOT_FORMAT_VERSION = 1;

export interface SnapshotDocument {
  readonly formatVersion: number;
  readonly source: {
    readonly database: string;
    readonly serverVersion: string;
    /** Schemas requested with --schema, or null for "every non-system schema". */
    readonly schemas: readonly string[] | null;
    /** `schema-audit compile`: the source the model was normalised from on a scratch server. */
    readonly compiledFrom?: { readonly kind: 'spec' | 'sql' | 'migrations'; readonly sha256: string; readonly toolVersion: string };
  };
  readonly schema: SchemaModel;
}

/**
 * Drop statistics: they describe data, not schema; and the server's role
 * names (read for the plan's "create role" steps): they are the cluster's,
 * not the schema's, and would name every role of the server. The objects'
 * owners and privileges stay (an audit against the snapshot compares them
 * for the roles it governs).
 */
function withoutStatistics(model: SchemaModel): SchemaModel {
  return {
    ...model,
    privileges: (model.privileges ?? []).filter((o) => o.kind !== 'role'),
    tables: model.tables.map((t): Table => {
      const { rowEstimate: _omit, ...rest } = t;
      return rest as Table;
    }),
  };
}

export function buildSnapshot(model: SchemaModel, server: ServerInfo, schemas: readonly string[] | undefined): SnapshotDocument {
  return {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    source: { database: server.database, serverVersion: server.version, schemas: schemas && schemas.length ? [...schemas] : null },
    schema: withoutStatistics(model),
  };
}

/** Two-space indented JSON with a final newline; key order is the model's. */
export function serializeSnapshot(doc: SnapshotDocument): string {
  // Characters JSON.stringify leaves raw but a terminal acts on, as \u escapes (src/safe-text.ts).
  return `${jsonAscii(JSON.stringify(doc, null, 2))}\n`;
}
