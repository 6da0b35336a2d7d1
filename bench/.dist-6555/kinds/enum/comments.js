/** The comments of enum types (COMMENT ON TYPE), for the comment kind. */
import { qualifiedName } from '../../model/identifiers.js';
import { commentedObject } from '../comment/commented.js';
export function enumCommentedObjects(model) {
    return model.enums.map((e) => commentedObject('enum', [e.schema, e.name], { schema: e.schema, enum: e.name }, `TYPE ${qualifiedName(e.schema, e.name)}`, e.comment));
}
//# sourceMappingURL=comments.js.map