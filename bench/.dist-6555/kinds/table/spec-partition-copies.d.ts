import type { SchemaModel } from '../../model/schema-model.js';
import type { Constraint } from '../constraint/model.js';
import type { Index } from '../index/model.js';
import type { Table } from './model.js';
/** The model's tables by name, with their partition parents. */
export declare class ModelTables {
    #private;
    constructor(model: SchemaModel);
    find(schema: string, name: string): Table | undefined;
    parentOf(t: Table): Table | undefined;
    /** The parent, its parent, ... (a cycle stops the walk). */
    ancestors(t: Table): Table[];
}
/** How many relations of a schema have a name. */
export type RelationCount = (name: string) => number;
/** The constraints and indexes of the model's tables that are copies (see the module comment). */
export interface PartitionCopies {
    readonly constraints: ReadonlySet<Constraint>;
    readonly indexes: ReadonlySet<Index>;
}
/** The copies among the model's tables' constraints and indexes; `relationCountIn`: relation names in use per schema. */
export declare function partitionCopies(tables: ModelTables, model: SchemaModel, relationCountIn: (schema: string) => RelationCount): PartitionCopies;
