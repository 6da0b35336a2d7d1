/** The comments of composite and range types (COMMENT ON TYPE), for the comment kind. */
import { qualifiedName } from '../../model/identifiers.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { commentedObject } from '../comment/commented.js';
import type { CommentedObject } from '../kind.js';

export function typeCommentedObjects(model: SchemaModel): CommentedObject[] {
  return model.types.map((t) => commentedObject('type', [t.schema, t.name], { schema: t.schema, type: t.name }, `TYPE ${qualifiedName(t.schema, t.name)}`, t.comment));
}
