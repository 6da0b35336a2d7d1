/** The comments of domains (COMMENT ON DOMAIN), for the comment kind. */
import { qualifiedName } from '../../model/identifiers.js';
import { commentedObject } from '../comment/commented.js';
export function domainCommentedObjects(model) {
    return model.domains.map((d) => commentedObject('domain', [d.schema, d.name], { schema: d.schema, domain: d.name }, `DOMAIN ${qualifiedName(d.schema, d.name)}`, d.comment));
}
//# sourceMappingURL=comments.js.map