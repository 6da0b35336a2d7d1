/**
 * What one object depends on, read from `pg_depend` inside the object's own
 * catalog statement (a correlated subquery: no extra statement, so the
 * query count stays constant). Returns a JSON array text of
 * `[kind, part, part...]` rows that `decodeDependsOn`
 * (src/model/dependencies.ts) turns into ref keys; null when there are none.
 *
 * Only references to objects outside PostgreSQL's own schemas count (a view
 * over `pg_class` depends on nothing schema-audit manages), and never the
 * object itself (a view's rule references its own view). Each ref is made
 * text for DISTINCT (json has no equality) and aggregated back as json.
 */
import { type RawBuilder } from 'kysely';
/**
 * `classid` is the catalog of the dependent (`'pg_catalog.pg_rewrite'` for a
 * view's rule, `'pg_catalog.pg_proc'`, `'pg_catalog.pg_trigger'`), `objids` a
 * SQL expression for its OIDs (an array: a view's rules), `self` the OID
 * expression of the object to leave out (the view itself), or null.
 */
export declare function dependsOnSql(classid: string, objids: string, self: string | null): RawBuilder<string | null>;
