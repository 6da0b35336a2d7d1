/** The comments of functions, procedures and aggregates (COMMENT ON FUNCTION / PROCEDURE / AGGREGATE, by signature), for the comment kind. */
import type { SchemaModel } from '../../model/schema-model.js';
import { commentedObject } from '../comment/commented.js';
import type { CommentedObject } from '../kind.js';
import { routineObject } from './compare.js';
import { commentTargetOfRoutine } from './sql.js';

export function functionCommentedObjects(model: SchemaModel): CommentedObject[] {
  return model.functions.map((r) =>
    commentedObject('function', [r.schema, r.name, r.signature], routineObject(r), commentTargetOfRoutine(r.kind, r.schema, r.name, r.signature), r.comment),
  );
}
