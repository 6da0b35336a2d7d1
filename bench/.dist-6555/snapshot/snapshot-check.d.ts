import type { SchemaModel } from '../model/schema-model.js';
/** The snapshot's model, once the document is proven well-formed; else a UsageError naming every problem. */
export declare function checkedSnapshotModel(source: string, doc: unknown): Promise<SchemaModel>;
