/**
 * The JSON Schema of a model snapshot (`schema-audit snapshot --format
 * model`), checked before a snapshot is used as an expected source: every
 * object closed (no unknown key), every field of its type, every enumerated
 * value one of its values, numbers of sequences digits only. The strings that
 * are SQL text (types, expressions, definitions, partition keys and bounds)
 * are then each parsed as the one thing they stand for (snapshot-check.ts).
 */
type Schema = Record<string, unknown>;
export declare const SNAPSHOT_JSON_SCHEMA: Schema;
export {};
