/** The comments of sequences (COMMENT ON SEQUENCE), for the comment kind. */
import { qualifiedName } from '../../model/identifiers.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { commentedObject } from '../comment/commented.js';
import type { CommentedObject } from '../kind.js';

export function sequenceComments(model: SchemaModel): CommentedObject[] {
  return model.sequences.map((s) =>
    commentedObject('sequence', [s.schema, s.name], { schema: s.schema, sequence: s.name }, `SEQUENCE ${qualifiedName(s.schema, s.name)}`, s.comment),
  );
}
