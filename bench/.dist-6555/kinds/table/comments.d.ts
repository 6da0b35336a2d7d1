import type { SchemaModel } from '../../model/schema-model.js';
import type { CommentedObject } from '../kind.js';
export declare function tableCommentedObjects(model: SchemaModel): CommentedObject[];
export declare function columnCommentedObjects(model: SchemaModel): CommentedObject[];
export declare function indexCommentedObjects(model: SchemaModel): CommentedObject[];
export declare function constraintCommentedObjects(model: SchemaModel): CommentedObject[];
