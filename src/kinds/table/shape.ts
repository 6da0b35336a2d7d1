import { differingFields } from '../../diff/same-value.js';
import { qualified } from '../../findings/words.js';
import type { Table, TableRef } from './model.js';

/** What a table is, beyond its columns: partitioning, inheritance and persistence. */
export interface TableShape {
  readonly kind: Table['kind'];
  readonly partitionKey: string | null;
  readonly partitionOf: Table['partitionOf'];
  readonly unlogged: boolean;
  /** The tables it inherits from, in order (empty: none). Absent in reports written before it was compared. */
  readonly inherits?: readonly TableRef[];
}

export function tableShape(t: Table): TableShape {
  return { kind: t.kind, partitionKey: t.partitionKey, partitionOf: t.partitionOf, unlogged: t.unlogged, inherits: t.inherits ?? [] };
}

/** The fields of {@link TableShape} in which two tables differ. */
export function tableAspects(expected: TableShape, actual: TableShape): string[] {
  return differingFields(expected, actual);
}

/** `a table`, `an UNLOGGED table`, `a table partitioned by RANGE (day)`, `a partition of public.events FOR VALUES ...`. */
export function describeShape(s: TableShape): string {
  const structure = s.partitionOf
    ? `partition of ${qualified(s.partitionOf.schema, s.partitionOf.table)} ${s.partitionOf.bound}`
    : s.kind === 'partitioned_table'
      ? `table partitioned by ${s.partitionKey ?? '?'}`
      : 'table';
  const parents = s.inherits?.length ? ` inheriting from ${s.inherits.map((p) => qualified(p.schema, p.table)).join(', ')}` : '';
  return `${s.unlogged ? 'an UNLOGGED' : 'a'} ${structure}${parents}`;
}
