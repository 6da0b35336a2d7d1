import type { SchemaModel } from '../../model/schema-model.js';
import type { CommentedObject } from '../kind.js';
export declare function sequenceComments(model: SchemaModel): CommentedObject[];
