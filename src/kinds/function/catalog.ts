/** Functions, procedures, aggregates and window functions from the catalog: `pg_proc` (and `pg_aggregate`). */
import { sql, type RawBuilder } from 'kysely';
import { dependsOnSql } from '../../introspect/postgres/depends-sql.js';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { decodeDependsOn } from '../../model/dependencies.js';
import { compareText, sortBy } from '../../model/sort.js';
import type { ParallelSafety, Routine, RoutineKind, Volatility } from './model.js';

/** A row of {@link routinesQuery}. */
export interface RawRoutineRow {
  schema: string;
  name: string;
  /** `prokind`: f function, p procedure, a aggregate, w window. */
  kind: string;
  signature: string;
  arguments: string;
  argument_list: string;
  returns: string | null;
  language: string;
  body: string | null;
  sql_body: string | null;
  library: string | null;
  /** `provolatile`: i, s, v. */
  volatility: string;
  strict: boolean;
  security_definer: boolean;
  leakproof: boolean;
  /** `proparallel`: s, r, u. */
  parallel: string;
  cost: number | string;
  rows: number | string;
  config: string[] | null;
  aggregate: string | null;
  comment: string | null;
  depends_on: string | null;
}

const ROUTINE_KINDS: Readonly<Record<string, RoutineKind>> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };
const VOLATILITY: Readonly<Record<string, Volatility>> = { i: 'immutable', s: 'stable', v: 'volatile' };
const PARALLEL: Readonly<Record<string, ParallelSafety>> = { s: 'safe', r: 'restricted', u: 'unsafe' };

/**
 * An aggregate's options as CREATE AGGREGATE writes them (`SFUNC = int4pl,
 * STYPE = integer, INITCOND = '0'`), from `pg_aggregate`: raw columns and
 * regproc/format_type outputs only (cheap), so the same aggregate prints the
 * same text on every server.
 */
const AGGREGATE_OPTIONS = sql.raw(`case when p.prokind = 'a' then pg_catalog.concat_ws(', ',
      'SFUNC = ' || a.aggtransfn::regproc::text,
      'STYPE = ' || pg_catalog.format_type(a.aggtranstype, null),
      case when a.aggtransspace <> 0 then 'SSPACE = ' || a.aggtransspace end,
      case when a.aggfinalfn <> 0 then 'FINALFUNC = ' || a.aggfinalfn::regproc::text end,
      case when a.aggfinalextra then 'FINALFUNC_EXTRA' end,
      case when a.aggfinalfn <> 0 then 'FINALFUNC_MODIFY = ' || case a.aggfinalmodify when 'r' then 'READ_ONLY' when 's' then 'SHAREABLE' else 'READ_WRITE' end end,
      case when a.aggcombinefn <> 0 then 'COMBINEFUNC = ' || a.aggcombinefn::regproc::text end,
      case when a.aggserialfn <> 0 then 'SERIALFUNC = ' || a.aggserialfn::regproc::text end,
      case when a.aggdeserialfn <> 0 then 'DESERIALFUNC = ' || a.aggdeserialfn::regproc::text end,
      case when a.agginitval is not null then 'INITCOND = ' || pg_catalog.quote_literal(a.agginitval) end,
      case when a.aggmtransfn <> 0 then 'MSFUNC = ' || a.aggmtransfn::regproc::text end,
      case when a.aggminvtransfn <> 0 then 'MINVFUNC = ' || a.aggminvtransfn::regproc::text end,
      case when a.aggmtranstype <> 0 then 'MSTYPE = ' || pg_catalog.format_type(a.aggmtranstype, null) end,
      case when a.aggmtransspace <> 0 then 'MSSPACE = ' || a.aggmtransspace end,
      case when a.aggmfinalfn <> 0 then 'MFINALFUNC = ' || a.aggmfinalfn::regproc::text end,
      case when a.aggmfinalextra then 'MFINALFUNC_EXTRA' end,
      case when a.aggmfinalfn <> 0 then 'MFINALFUNC_MODIFY = ' || case a.aggmfinalmodify when 'r' then 'READ_ONLY' when 's' then 'SHAREABLE' else 'READ_WRITE' end end,
      case when a.aggminitval is not null then 'MINITCOND = ' || pg_catalog.quote_literal(a.aggminitval) end,
      case when a.aggsortop <> 0 then 'SORTOP = OPERATOR(' || pg_catalog.quote_ident(opn.nspname) || '.' || op.oprname || ')' end,
      case a.aggkind when 'h' then 'HYPOTHETICAL' end
    ) end`);

/**
 * The routines in scope; overloads differ by their signature (column 4). SQL-standard bodies (`prosqlbody`, PostgreSQL 14 and later,
 * the oldest major supported) are printed by the server, as views are.
 */
export function routinesQuery({ schemas, excludeSchemas }: CatalogScope): RawBuilder<RawRoutineRow> {
  return sql<RawRoutineRow>`
    select n.nspname as schema, p.proname as name, p.prokind::text as kind,
           pg_catalog.oidvectortypes(p.proargtypes) as signature,
           pg_catalog.pg_get_function_identity_arguments(p.oid) as arguments,
           pg_catalog.pg_get_function_arguments(p.oid) as argument_list,
           case when p.prokind <> 'p' then pg_catalog.pg_get_function_result(p.oid) end as returns,
           l.lanname as language,
           case when p.prosqlbody is null then p.prosrc end as body,
           case when p.prosqlbody is not null then pg_catalog.pg_get_function_sqlbody(p.oid) end as sql_body,
           nullif(p.probin, '-') as library,
           p.provolatile::text as volatility, p.proisstrict as strict, p.prosecdef as security_definer,
           p.proleakproof as leakproof, p.proparallel::text as parallel,
           p.procost::float8 as cost, p.prorows::float8 as rows,
           p.proconfig::text[] as config,
           ${AGGREGATE_OPTIONS} as aggregate,
           d.description as comment,
           ${dependsOnSql('pg_catalog.pg_proc', 'array[p.oid]', 'p.oid')} as depends_on
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    join pg_catalog.pg_language l on l.oid = p.prolang
    left join pg_catalog.pg_aggregate a on a.aggfnoid = p.oid
    left join pg_catalog.pg_operator op on op.oid = a.aggsortop
    left join pg_catalog.pg_namespace opn on opn.oid = op.oprnamespace
    left join pg_catalog.pg_description d                  -- routine comment
      on d.objoid = p.oid and d.classoid = 'pg_catalog.pg_proc'::regclass and d.objsubid = 0
    where ${schemaFilter('n', schemas, excludeSchemas)}
      and ${notExtensionMember('p.oid', 'pg_catalog.pg_proc')}
      -- A range type's constructors (and its multirange's) belong to the type: made and dropped with it.
      and not exists (select from pg_catalog.pg_depend dt
                      where dt.classid = 'pg_catalog.pg_proc'::regclass and dt.objid = p.oid
                        and dt.refclassid = 'pg_catalog.pg_type'::regclass and dt.deptype = 'i')
    order by n.nspname, p.proname, 4`;
}

function toRoutine(r: RawRoutineRow): Routine {
  return {
    schema: r.schema,
    name: r.name,
    kind: ROUTINE_KINDS[r.kind] ?? 'function',
    signature: r.signature,
    arguments: r.arguments,
    argumentList: r.argument_list,
    returns: r.returns,
    language: r.language,
    body: r.sql_body === null ? r.body : null,
    sqlBody: r.sql_body,
    library: r.library,
    volatility: VOLATILITY[r.volatility] ?? 'volatile',
    strict: r.strict,
    securityDefiner: r.security_definer,
    leakproof: r.leakproof,
    parallel: PARALLEL[r.parallel] ?? 'unsafe',
    cost: Number(r.cost),
    rows: Number(r.rows),
    config: [...(r.config ?? [])].sort(compareText),
    aggregate: r.aggregate,
    comment: r.comment,
    dependsOn: decodeDependsOn(r.depends_on),
  };
}

/** The model's routines, sorted by schema, name and signature (code-unit order). */
export function decodeRoutines(rows: readonly RawRoutineRow[]): Routine[] {
  return sortBy(
    rows.map(toRoutine),
    (r) => r.schema,
    (r) => r.name,
    (r) => r.signature,
  );
}

/** How routines are read: see kind-catalog.ts. */
export const FUNCTION_CATALOG = sectionCatalog(routinesQuery, decodeRoutines);
