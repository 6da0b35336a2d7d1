import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import type { SpecColumn } from '../../spec-file/spec-types.js';
import type { SpecTableEntry } from '../table/partition-tree.js';
import { type ColumnDefinition } from './sql.js';
/** A spec column as CREATE TABLE writes it; an identity column gets its sequence's name and options when the spec gives them. */
export declare function specColumnDefinition(ctx: DdlContext, entry: SpecTableEntry, name: string, c: SpecColumn): ColumnDefinition;
/**
 * A partition's column line: a partition's columns are its parent's, so a
 * listed column only adds its own default or NOT NULL (type, identity and
 * generation are the parent's); null when it adds neither.
 */
export declare function partitionColumnOption(name: string, c: SpecColumn): string | null;
export declare function columnComments(entry: SpecTableEntry): DdlStatement[];
