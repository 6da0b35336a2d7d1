/** The columns of a spec table as DDL. */
import { objectKey, qualifiedName, quoteIdent } from '../../model/identifiers.js';
import { specSequenceOptions } from '../sequence/ddl.js';
import { sequenceOptionsSql } from '../sequence/sql.js';
import { writtenNameSql } from '../sql.js';
import { commentOnColumnSql } from './sql.js';
/** A spec column as CREATE TABLE writes it; an identity column gets its sequence's name and options when the spec gives them. */
export function specColumnDefinition(ctx, entry, name, c) {
    const sequence = c.identity === undefined ? undefined : ctx.identitySequences.get(objectKey(entry.key, name));
    // The column's type is the sequence's: AS is not allowed here.
    const sequenceOptions = sequence
        ? [`SEQUENCE NAME ${qualifiedName(sequence.schema, sequence.name)}`, ...sequenceOptionsSql(specSequenceOptions(sequence.spec), false)]
        : [];
    return {
        name,
        type: ctx.typeSql(c.type, entry.schema),
        collation: c.collation === undefined ? null : writtenNameSql(c.collation, ctx.knownSchemas),
        generated: c.generated === undefined ? null : { expression: c.generated, kind: 'stored' },
        identity: c.identity === undefined ? null : { kind: c.identity === 'always' ? 'always' : 'by_default', sequenceOptions },
        default: c.default ?? null,
        notNull: c.nullable === false,
    };
}
/**
 * A partition's column line: a partition's columns are its parent's, so a
 * listed column only adds its own default or NOT NULL (type, identity and
 * generation are the parent's); null when it adds neither.
 */
export function partitionColumnOption(name, c) {
    let o = '';
    if (c.default !== undefined)
        o += ` DEFAULT ${c.default}`;
    if (c.nullable === false)
        o += ' NOT NULL';
    return o ? `${quoteIdent(name)} WITH OPTIONS${o}` : null;
}
export function columnComments(entry) {
    const out = [];
    for (const [name, c] of Object.entries(entry.spec.columns)) {
        if (c.description === undefined)
            continue;
        out.push({ sql: commentOnColumnSql(entry.schema, entry.name, name, c.description), path: [...entry.path, 'columns', name, 'description'] });
    }
    return out;
}
//# sourceMappingURL=ddl.js.map