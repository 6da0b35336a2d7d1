// A full catalog comparison of two databases, written straight over
// pg_catalog and independent of schema-audit's own model (src/ is not used):
// the migra runner (scripts/migra.mjs, test/migra/) judges schema-audit's
// remediation SQL with it, so it must not share schema-audit's blind spots.
//
// Each database is read into a sorted list of entries {kind, name, detail}:
// names only (schema-qualified, quoted), never OIDs; definitions through the
// server's own deparsers (pg_get_constraintdef, pg_get_indexdef,
// pg_get_viewdef, pg_get_functiondef, pg_get_triggerdef, pg_get_expr...).
// Two databases compare equal when their lists are equal.
//
// Compared, for the schemas in scope: schemas (owner, privileges),
// extensions (version, schema), tables/views/materialized views/sequences/
// foreign tables/composite types (persistence, owner, options, access method,
// RLS flags, replica identity, partition key and bound, inheritance parents
// in order, privileges), view definitions, columns (type, not null, default
// or generation expression, identity, generated, collation, storage, options,
// column privileges), constraints, indexes (definition, partition parent,
// clustered, validity), functions/procedures/aggregates (definition, owner,
// privileges), triggers (definition, enabled state), rules, policies (command,
// permissive, roles, expressions), enums (labels in order), domains (base
// type, default, not null, collation, checks), range and base types, type
// privileges, sequences (type, start, increment, bounds, cache, cycle, owning
// column), collations, extended statistics, default privileges, comments on
// all of these.
// Not compared: column order (no migration tool reorders columns; ALTER TABLE
// ADD COLUMN appends), whether an inherited column or constraint is also
// local (attislocal/conislocal), objects that belong to an extension (the
// extension's version stands for them), operators, casts, text search
// objects, foreign servers, publications, event triggers, roles, and data.
import pg from 'pg';

/**
 * What to compare: all user schemas, or only `schemas`, minus `excludeSchemas`;
 * extensions: true (compared), false (not), or 'additions' (compareDatabases:
 * the second database's extensions must be in the first, same version; the
 * first's others are not differences).
 */
export const DEFAULT_SCOPE = Object.freeze({ schemas: null, excludeSchemas: [], extensions: true });

const SCOPE_CTE = `scope AS (
  SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
    AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
    AND NOT (n.nspname = ANY ($2::text[]))
), member AS (
  SELECT d.classid, d.objid FROM pg_catalog.pg_depend d WHERE d.deptype = 'e'
)`;

/** Sorted privileges, the implicit default spelled out (so NULL and the default compare equal). */
function acl(column, kind, owner) {
  return `(SELECT coalesce(string_agg(x::text, ',' ORDER BY x::text), '') FROM unnest(coalesce(${column}, pg_catalog.acldefault(${kind}, ${owner}))) x)`;
}

/** Not an object of an extension. */
function notMember(catalog, oid) {
  return `NOT EXISTS (SELECT 1 FROM member m WHERE m.classid = '${catalog}'::regclass AND m.objid = ${oid})`;
}

const QNAME = (ns, name) => `quote_ident(${ns}) || '.' || quote_ident(${name})`;
const REL = QNAME('s.nspname', 'c.relname');

const RELKIND = `CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
  WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'c' THEN 'composite type' END`;

/** Relations of the scope (not indexes) as `c`, their schema as `s`, with more joins and conditions. */
function relations(joins = '', where = 'true') {
  return `pg_catalog.pg_class c JOIN scope s ON s.oid = c.relnamespace ${joins}
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND ${notMember('pg_class', 'c.oid')} AND (${where})`;
}

/** One query per area; each returns rows (kind, name, detail). */
export const CATALOG_QUERIES = {
  schemas: `SELECT 'schema', quote_ident(s.nspname),
      concat_ws(' ', 'owner=' || pg_get_userbyid(n.nspowner), 'acl=' || ${acl('n.nspacl', "'n'", 'n.nspowner')})
    FROM scope s JOIN pg_catalog.pg_namespace n ON n.oid = s.oid WHERE ${notMember('pg_namespace', 'n.oid')}`,

  extensions: `SELECT 'extension', quote_ident(e.extname), 'version=' || e.extversion || ' schema=' || quote_ident(n.nspname)
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
    WHERE $3::boolean`,

  relations: `SELECT ${RELKIND}, ${REL}, concat_ws(' ',
      'persistence=' || c.relpersistence::text, 'owner=' || pg_get_userbyid(c.relowner),
      'am=' || (SELECT a.amname FROM pg_catalog.pg_am a WHERE a.oid = c.relam),
      'options=' || (SELECT string_agg(o, ',' ORDER BY o) FROM unnest(c.reloptions) o),
      CASE WHEN c.relrowsecurity THEN 'rls' END, CASE WHEN c.relforcerowsecurity THEN 'force_rls' END,
      CASE WHEN c.relkind IN ('r', 'p', 'm') THEN 'replica_identity=' || c.relreplident::text END,
      CASE WHEN c.relkind = 'm' THEN 'populated=' || c.relispopulated END,
      CASE WHEN c.relkind = 'p' THEN 'partition_key=' || pg_get_partkeydef(c.oid) END,
      CASE WHEN c.relispartition THEN 'partition_of_bound=' || pg_get_expr(c.relpartbound, c.oid) END,
      'inherits=' || (SELECT string_agg(${QNAME('pn.nspname', 'p.relname')}, ',' ORDER BY i.inhseqno)
        FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
        JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid),
      'foreign_options=' || (SELECT array_to_string(ft.ftoptions, ',') FROM pg_catalog.pg_foreign_table ft WHERE ft.ftrelid = c.oid),
      CASE WHEN c.relkind <> 'c' THEN 'acl=' || ${acl('c.relacl', `(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END)::"char"`, 'c.relowner')} END)
    FROM ${relations()}`,

  views: `SELECT CASE c.relkind WHEN 'v' THEN 'view definition' ELSE 'materialized view definition' END, ${REL},
      pg_get_viewdef(c.oid)
    FROM ${relations('', "c.relkind IN ('v', 'm')")}`,

  columns: `SELECT 'column', ${REL} || '.' || quote_ident(a.attname), concat_ws(' ',
      format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN 'not null' END,
      CASE WHEN a.attgenerated <> '' THEN 'generated=' || a.attgenerated::text || ' as ' ELSE 'default=' END
        || pg_get_expr(d.adbin, d.adrelid),
      CASE WHEN a.attidentity <> '' THEN 'identity=' || a.attidentity::text END,
      'collation=' || (SELECT ${QNAME('cn.nspname', 'co.collname')} FROM pg_catalog.pg_collation co
        JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation AND a.attcollation <> t.typcollation),
      CASE WHEN a.attstorage <> t.typstorage THEN 'storage=' || a.attstorage::text END,
      'options=' || array_to_string(a.attoptions, ','), 'fdw_options=' || array_to_string(a.attfdwoptions, ','),
      'acl=' || (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM unnest(a.attacl) x))
    FROM ${relations(`JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
      JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum`, "a.attnum > 0 AND NOT a.attisdropped AND c.relkind <> 'S'")}`,

  constraints: `SELECT 'constraint', ${REL} || '.' || quote_ident(con.conname), con.contype::text || ' ' || pg_get_constraintdef(con.oid)
    FROM ${relations('JOIN pg_catalog.pg_constraint con ON con.conrelid = c.oid')}`,

  indexes: `SELECT 'index', ${QNAME('s.nspname', 'ic.relname')}, concat_ws(' ', pg_get_indexdef(i.indexrelid),
      'partition_of=' || (SELECT ${QNAME('pn.nspname', 'p.relname')} FROM pg_catalog.pg_inherits h
        JOIN pg_catalog.pg_class p ON p.oid = h.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
        WHERE h.inhrelid = i.indexrelid),
      CASE WHEN i.indisclustered THEN 'clustered' END, CASE WHEN NOT i.indisvalid THEN 'invalid' END,
      CASE WHEN i.indisreplident THEN 'replica_identity' END)
    FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid JOIN scope s ON s.oid = ic.relnamespace
    WHERE ${notMember('pg_class', 'ic.oid')}`,

  functions: `SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' WHEN 'p' THEN 'procedure' WHEN 'w' THEN 'window function' ELSE 'function' END,
      ${QNAME('s.nspname', 'p.proname')} || '(' || pg_get_function_identity_arguments(p.oid) || ')',
      concat_ws(' ', 'owner=' || pg_get_userbyid(p.proowner), 'acl=' || ${acl('p.proacl', "'f'", 'p.proowner')},
        CASE WHEN p.prokind = 'a' THEN (SELECT concat_ws(' ', 'returns ' || format_type(p.prorettype, NULL),
            'kind=' || g.aggkind::text, 'sfunc=' || g.aggtransfn::regproc::text, 'stype=' || format_type(g.aggtranstype, NULL),
            'finalfunc=' || g.aggfinalfn::regproc::text, 'combinefunc=' || g.aggcombinefn::regproc::text,
            'initcond=' || g.agginitval, 'sortop=' || g.aggsortop::regoperator::text)
          FROM pg_catalog.pg_aggregate g WHERE g.aggfnoid = p.oid)
        ELSE pg_get_functiondef(p.oid) END)
    FROM pg_catalog.pg_proc p JOIN scope s ON s.oid = p.pronamespace WHERE ${notMember('pg_proc', 'p.oid')}`,

  triggers: `SELECT 'trigger', ${REL} || '.' || quote_ident(tg.tgname), pg_get_triggerdef(tg.oid) || ' enabled=' || tg.tgenabled::text
    FROM ${relations('JOIN pg_catalog.pg_trigger tg ON tg.tgrelid = c.oid', 'NOT tg.tgisinternal')}`,

  rules: `SELECT 'rule', ${REL} || '.' || quote_ident(r.rulename), pg_get_ruledef(r.oid) || ' enabled=' || r.ev_enabled::text
    FROM ${relations('JOIN pg_catalog.pg_rewrite r ON r.ev_class = c.oid', "r.rulename <> '_RETURN'")}`,

  policies: `SELECT 'policy', ${REL} || '.' || quote_ident(pol.polname), concat_ws(' ',
      'command=' || pol.polcmd::text, CASE WHEN pol.polpermissive THEN 'permissive' ELSE 'restrictive' END,
      'roles=' || (SELECT string_agg(r.name, ',' ORDER BY r.name)
        FROM (SELECT CASE WHEN x = 0 THEN 'public' ELSE pg_get_userbyid(x) END AS name FROM unnest(pol.polroles) x) r),
      'using=' || pg_get_expr(pol.polqual, pol.polrelid), 'with_check=' || pg_get_expr(pol.polwithcheck, pol.polrelid))
    FROM ${relations('JOIN pg_catalog.pg_policy pol ON pol.polrelid = c.oid')}`,

  types: `SELECT CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' WHEN 'b' THEN 'base type' ELSE 'pseudo type' END,
      ${QNAME('s.nspname', 't.typname')}, concat_ws(' ', 'owner=' || pg_get_userbyid(t.typowner), 'acl=' || ${acl('t.typacl', "'T'", 't.typowner')},
      CASE t.typtype
        WHEN 'e' THEN 'labels=' || (SELECT string_agg(quote_literal(e.enumlabel), ',' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)
        WHEN 'd' THEN concat_ws(' ', 'base=' || format_type(t.typbasetype, t.typtypmod), CASE WHEN t.typnotnull THEN 'not null' END,
          'default=' || pg_get_expr(t.typdefaultbin, 0),
          'collation=' || (SELECT ${QNAME('cn.nspname', 'co.collname')} FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
            JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype WHERE co.oid = t.typcollation AND t.typcollation <> bt.typcollation),
          'checks=' || (SELECT string_agg(quote_ident(con.conname) || ' ' || pg_get_constraintdef(con.oid), ', ' ORDER BY con.conname)
            FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid))
        WHEN 'r' THEN (SELECT concat_ws(' ', 'subtype=' || format_type(r.rngsubtype, NULL),
            'opclass=' || (SELECT oc.opcname FROM pg_catalog.pg_opclass oc WHERE oc.oid = r.rngsubopc),
            'collation=' || (SELECT co.collname FROM pg_catalog.pg_collation co WHERE co.oid = r.rngcollation),
            'canonical=' || r.rngcanonical::regproc::text, 'subdiff=' || r.rngsubdiff::regproc::text)
          FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid)
        WHEN 'b' THEN concat_ws(' ', 'input=' || t.typinput::regproc::text, 'output=' || t.typoutput::regproc::text,
          'length=' || t.typlen, 'align=' || t.typalign::text, 'storage=' || t.typstorage::text, 'category=' || t.typcategory::text)
      END)
    FROM pg_catalog.pg_type t JOIN scope s ON s.oid = t.typnamespace
    WHERE t.typtype IN ('e', 'd', 'r', 'b', 'p') AND ${notMember('pg_type', 't.oid')}
      AND NOT (t.typelem <> 0 AND EXISTS (SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid))`,

  sequences: `SELECT 'sequence options', ${REL}, concat_ws(' ', 'type=' || format_type(q.seqtypid, NULL),
      'start=' || q.seqstart, 'increment=' || q.seqincrement, 'min=' || q.seqmin, 'max=' || q.seqmax,
      'cache=' || q.seqcache, 'cycle=' || q.seqcycle,
      'owned_by=' || (SELECT ${QNAME('on_.nspname', 'oc.relname')} || '.' || quote_ident(oa.attname) || ' (' || d.deptype::text || ')'
        FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class oc ON oc.oid = d.refobjid
        JOIN pg_catalog.pg_namespace on_ ON on_.oid = oc.relnamespace
        JOIN pg_catalog.pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
          AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')))
    FROM ${relations('JOIN pg_catalog.pg_sequence q ON q.seqrelid = c.oid')}`,

  collations: `SELECT 'collation', ${QNAME('s.nspname', 'co.collname')},
      (to_jsonb(co) - 'oid' - 'collname' - 'collnamespace' - 'collowner' - 'collversion')::text
    FROM pg_catalog.pg_collation co JOIN scope s ON s.oid = co.collnamespace WHERE ${notMember('pg_collation', 'co.oid')}`,

  statistics: `SELECT 'statistics', ${QNAME('s.nspname', 'st.stxname')}, pg_get_statisticsobjdef(st.oid)
    FROM pg_catalog.pg_statistic_ext st JOIN scope s ON s.oid = st.stxnamespace WHERE ${notMember('pg_statistic_ext', 'st.oid')}`,

  defaultPrivileges: `SELECT 'default privileges', pg_get_userbyid(da.defaclrole) || ' in ' || coalesce(quote_ident(n.nspname), '(all schemas)')
      || ' on ' || da.defaclobjtype::text, (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM unnest(da.defaclacl) x)
    FROM pg_catalog.pg_default_acl da LEFT JOIN pg_catalog.pg_namespace n ON n.oid = da.defaclnamespace
    WHERE (da.defaclnamespace = 0 AND $1::text[] IS NULL) OR da.defaclnamespace IN (SELECT oid FROM scope)`,

  comments: `SELECT 'comment', pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description
    FROM pg_catalog.pg_description d, LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) io
    WHERE d.objoid >= 16384 AND NOT EXISTS (SELECT 1 FROM member m WHERE m.classid = d.classoid AND m.objid = d.objoid)
      AND (io.schema IN (SELECT nspname FROM scope)
        OR (io.type = 'schema' AND d.objoid IN (SELECT oid FROM scope))
        OR (io.type = 'extension' AND $3::boolean))`,
};

/** The entries of one database, sorted by kind and name. */
export async function readCatalog(url, scope = DEFAULT_SCOPE) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const params = [scope.schemas ?? null, scope.excludeSchemas ?? [], scope.extensions !== false];
    const entries = [];
    for (const [area, text] of Object.entries(CATALOG_QUERIES)) {
      // Every query names $1..$3 (the scope CTE reads $1 and $2): the server must infer each parameter's type.
      const sql = `WITH ${SCOPE_CTE} SELECT kind, name, detail FROM (${text}) q(kind, name, detail) WHERE $3::boolean IS NOT NULL`;
      let rows;
      try {
        ({ rows } = await client.query(sql, params));
      } catch (err) {
        throw new Error(`catalog query ${area} failed: ${err.message}`, { cause: err });
      }
      for (const r of rows) entries.push({ kind: r.kind, name: r.name, detail: r.detail ?? '' });
    }
    await client.query('COMMIT');
    return entries.sort((a, b) => compareText(keyOf(a), keyOf(b)));
  } finally {
    await client.end().catch(() => undefined);
  }
}

function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function keyOf(entry) {
  return `${entry.kind} ${entry.name}`;
}

/** Entries by key; a key seen twice gets a counter (it should not happen: names are unique per kind). */
function byKey(entries) {
  const map = new Map();
  for (const e of entries) {
    let key = keyOf(e);
    for (let n = 2; map.has(key); n++) key = `${keyOf(e)} #${n}`;
    map.set(key, e.detail);
  }
  return map;
}

/**
 * The differences between two entry lists, sorted by key: each {key, a, b}
 * with a or b null when only the other side has the entry.
 */
export function diffCatalogs(a, b) {
  const left = byKey(a);
  const right = byKey(b);
  const keys = [...new Set([...left.keys(), ...right.keys()])].sort(compareText);
  const out = [];
  for (const key of keys) {
    const x = left.has(key) ? left.get(key) : null;
    const y = right.has(key) ? right.get(key) : null;
    if (x !== y) out.push({ key, a: x, b: y });
  }
  return out;
}

/** One line for people: whitespace collapsed, at most `max` characters. */
export function oneLine(text, max = 160) {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A difference in words: what each side has. */
export function describeDifference(d, names = { a: 'A', b: 'B' }) {
  if (d.a === null) return `${d.key}: only in ${names.b} (${oneLine(d.b, 100)})`;
  if (d.b === null) return `${d.key}: only in ${names.a} (${oneLine(d.a, 100)})`;
  // Show where the details part: a long common prefix is cut to its last 30 characters.
  let i = 0;
  while (i < d.a.length && i < d.b.length && d.a[i] === d.b[i]) i++;
  const from = i > 40 ? i - 30 : 0;
  const cut = (s) => (from > 0 ? '…' : '') + oneLine(s.slice(from), 80);
  return `${d.key}: ${names.a} has "${cut(d.a)}", ${names.b} has "${cut(d.b)}"`;
}

/** Compare two databases: {equal, differences, first} (first: the first difference in words, or null). */
export async function compareDatabases(urlA, urlB, scope = DEFAULT_SCOPE, names = { a: 'A', b: 'B' }) {
  const [a, b] = await Promise.all([readCatalog(urlA, scope), readCatalog(urlB, scope)]);
  // 'additions': B's extensions must be in A; A's others are left alone (migra's --create-extensions-only).
  const differences = diffCatalogs(a, b).filter(
    (d) => !(scope.extensions === 'additions' && d.b === null && /^(comment )?extension /.test(d.key)),
  );
  return {
    equal: differences.length === 0,
    entries: { a: a.length, b: b.length },
    differences,
    first: differences.length ? describeDifference(differences[0], names) : null,
  };
}
