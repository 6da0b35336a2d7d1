/** The comments of domains (COMMENT ON DOMAIN), for the comment kind. */
import { qualifiedName } from '../../model/identifiers.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { commentedObject } from '../comment/commented.js';
import type { CommentedObject } from '../kind.js';

export function domainCommentedObjects(model: SchemaModel): CommentedObject[] {
  return model.domains.map((d) =>
    commentedObject('domain', [d.schema, d.name], { schema: d.schema, domain: d.name }, `DOMAIN ${qualifiedName(d.schema, d.name)}`, d.comment),
  );
}
