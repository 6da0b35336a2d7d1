/** The comments of sequences (COMMENT ON SEQUENCE), for the comment kind. */
import { qualifiedName } from '../../model/identifiers.js';
import { commentedObject } from '../comment/commented.js';
export function sequenceComments(model) {
    return model.sequences.map((s) => commentedObject('sequence', [s.schema, s.name], { schema: s.schema, sequence: s.name }, `SEQUENCE ${qualifiedName(s.schema, s.name)}`, s.comment));
}
//# sourceMappingURL=comments.js.map