/**
 * The comments of tables and of their members (columns, indexes,
 * constraints), for the comment kind: one hook per kind, each over every
 * table of the model.
 */
import { qualifiedName, quoteIdent } from '../../model/identifiers.js';
import { commentedObject } from '../comment/commented.js';
export function tableCommentedObjects(model) {
    return model.tables.map((t) => commentedObject('table', [t.schema, t.name], { schema: t.schema, table: t.name }, `TABLE ${qualifiedName(t.schema, t.name)}`, t.comment));
}
export function columnCommentedObjects(model) {
    return model.tables.flatMap((t) => t.columns.map((c) => commentedObject('column', [t.schema, t.name, c.name], { schema: t.schema, table: t.name, column: c.name }, `COLUMN ${qualifiedName(t.schema, t.name)}.${quoteIdent(c.name)}`, c.comment)));
}
export function indexCommentedObjects(model) {
    return model.tables.flatMap((t) => t.indexes.map((i) => commentedObject('index', [t.schema, t.name, i.name], { schema: t.schema, table: t.name, index: i.name }, `INDEX ${qualifiedName(t.schema, i.name)}`, i.comment)));
}
export function constraintCommentedObjects(model) {
    return model.tables.flatMap((t) => t.constraints.map((k) => commentedObject('constraint', [t.schema, t.name, k.name], { schema: t.schema, table: t.name, constraint: k.name }, `CONSTRAINT ${quoteIdent(k.name)} ON ${qualifiedName(t.schema, t.name)}`, k.comment)));
}
//# sourceMappingURL=comments.js.map