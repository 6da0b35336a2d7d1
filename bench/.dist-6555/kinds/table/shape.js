import { differingFields } from '../../diff/same-value.js';
import { qualified } from '../../findings/words.js';
export function tableShape(t) {
    return { kind: t.kind, partitionKey: t.partitionKey, partitionOf: t.partitionOf, unlogged: t.unlogged, inherits: t.inherits ?? [] };
}
/** The fields of {@link TableShape} in which two tables differ. */
export function tableAspects(expected, actual) {
    return differingFields(expected, actual);
}
/** `a table`, `an UNLOGGED table`, `a table partitioned by RANGE (day)`, `a partition of public.events FOR VALUES ...`. */
export function describeShape(s) {
    const structure = s.partitionOf
        ? `partition of ${qualified(s.partitionOf.schema, s.partitionOf.table)} ${s.partitionOf.bound}`
        : s.kind === 'partitioned_table'
            ? `table partitioned by ${s.partitionKey ?? '?'}`
            : 'table';
    const parents = s.inherits?.length ? ` inheriting from ${s.inherits.map((p) => qualified(p.schema, p.table)).join(', ')}` : '';
    return `${s.unlogged ? 'an UNLOGGED' : 'a'} ${structure}${parents}`;
}
//# sourceMappingURL=shape.js.map