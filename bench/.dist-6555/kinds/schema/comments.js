/** The comments of schemas (COMMENT ON SCHEMA), for the comment kind. */
import { quoteIdent } from '../../model/identifiers.js';
import { commentedObject } from '../comment/commented.js';
export function schemaComments(model) {
    return model.schemas.map((s) => commentedObject('schema', [s.name], { schema: s.name }, `SCHEMA ${quoteIdent(s.name)}`, s.comment));
}
//# sourceMappingURL=comments.js.map