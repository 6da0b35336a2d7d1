import type { SchemaModel } from '../model/schema-model.js';

/** What we learned about the server itself while introspecting. */
export interface ServerInfo {
  /** `server_version`, e.g. `17.10`. */
  readonly version: string;
  readonly major: number;
  readonly database: string;
  readonly user: string;
}

export interface IntrospectOptions {
  /** Schemas to read; default every non-system schema. */
  readonly schemas?: readonly string[];
}

export interface IntrospectionResult {
  readonly model: SchemaModel;
  readonly server: ServerInfo;
  /** Requested schemas that do not exist in the database. */
  readonly missingSchemas: readonly string[];
}
