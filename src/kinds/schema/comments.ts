/** The comments of schemas (COMMENT ON SCHEMA), for the comment kind. */
import { quoteIdent } from '../../model/identifiers.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { commentedObject } from '../comment/commented.js';
import type { CommentedObject } from '../kind.js';

export function schemaComments(model: SchemaModel): CommentedObject[] {
  return model.schemas.map((s) => commentedObject('schema', [s.name], { schema: s.name }, `SCHEMA ${quoteIdent(s.name)}`, s.comment));
}
