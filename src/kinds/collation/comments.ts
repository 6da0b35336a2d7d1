/** The comments of collations (COMMENT ON COLLATION), for the comment kind. */
import { qualifiedName } from '../../model/identifiers.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { commentedObject } from '../comment/commented.js';
import type { CommentedObject } from '../kind.js';

export function collationCommentedObjects(model: SchemaModel): CommentedObject[] {
  return model.collations.map((c) =>
    commentedObject('collation', [c.schema, c.name], { schema: c.schema, collation: c.name }, `COLLATION ${qualifiedName(c.schema, c.name)}`, c.comment),
  );
}
