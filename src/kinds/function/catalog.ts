/** Functions, procedures, aggregates and window functions from the catalog: `pg_proc`. */
import { sql, type RawBuilder } from 'kysely';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { sortBy } from '../../model/sort.js';
import type { Routine, RoutineKind } from './model.js';

/** A row of {@link routinesQuery}. */
export interface RawRoutineRow {
  schema: string;
  name: string;
  /** `prokind`: f function, p procedure, a aggregate, w window. */
  kind: string;
  arguments: string;
  returns: string | null;
  language: string;
}

const ROUTINE_KINDS: Readonly<Record<string, RoutineKind>> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };

/** The routines in scope; overloads differ by their identity arguments (column 4). */
export function routinesQuery({ schemas }: CatalogScope): RawBuilder<RawRoutineRow> {
  return sql<RawRoutineRow>`
    select n.nspname as schema, p.proname as name, p.prokind::text as kind,
           pg_catalog.pg_get_function_identity_arguments(p.oid) as arguments,
           case when p.prokind <> 'p' then pg_catalog.pg_get_function_result(p.oid) end as returns,
           l.lanname as language
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    join pg_catalog.pg_language l on l.oid = p.prolang
    where ${schemaFilter('n', schemas)}
      and ${notExtensionMember('p.oid', 'pg_catalog.pg_proc')}
    order by n.nspname, p.proname, 4`;
}

function toRoutine(r: RawRoutineRow): Routine {
  return {
    schema: r.schema,
    name: r.name,
    kind: ROUTINE_KINDS[r.kind] ?? 'function',
    arguments: r.arguments,
    returns: r.returns,
    language: r.language,
  };
}

/** The model's routines, sorted by schema, name and arguments (code-unit order). */
export function decodeRoutines(rows: readonly RawRoutineRow[]): Routine[] {
  return sortBy(
    rows.map(toRoutine),
    (r) => r.schema,
    (r) => r.name,
    (r) => r.arguments,
  );
}

/** How routines are read: see kind-catalog.ts. */
export const FUNCTION_CATALOG = sectionCatalog(routinesQuery, decodeRoutines);
