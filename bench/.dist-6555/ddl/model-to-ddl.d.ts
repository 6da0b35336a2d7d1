import type { SchemaModel } from '../model/schema-model.js';
/**
 * The model as DDL: the statements that build, in an empty database, the
 * schema an introspection read — a `pg_dump --schema-only` for what the model
 * holds, for servers that ship no pg_dump (our embedded binaries) and for
 * `snapshot --format sql`.
 *
 * How: the spec path — `modelToSpec`, then the kinds' DDL builders run by
 * `specToDdlPhases`, the path the spec round trip tests on every fixture: it
 * orders the statements (schemas, extensions, enums, domains, sequences,
 * tables parents first, constraints partitions first, foreign keys last,
 * sequence ownership, indexes, comments), knows what a partition gets from
 * its parent, gives an identity column its own sequence options, and quotes
 * every name. Where the model says more than a spec can, it tells the
 * builders through their hooks (DdlHooks), never by editing their text:
 *
 * - Table constraints are added as PostgreSQL prints them
 *   (`ALTER TABLE t ADD CONSTRAINT name <pg_get_constraintdef>`), always
 *   named, as pg_dump adds them. So what the spec has no field for comes
 *   through: NOT VALID (the model's `validated: false`; its definition leaves
 *   the words out), NOT ENFORCED (18+), a deferrable primary key, INCLUDE
 *   columns of a primary key or unique constraint. Each spec node is matched
 *   to its constraint by the name it gives, or, unnamed, by kind,
 *   PostgreSQL's default name and the node's columns or expression; a node
 *   matched to nothing is written as the spec says.
 * - A virtual generated column (18+) is created VIRTUAL, not STORED, and
 *   columns are created in the model's order (the spec's column object puts
 *   a name like `1` first).
 * - A domain check that is NOT VALID (CREATE DOMAIN cannot say so) is added
 *   right after its domain with ALTER DOMAIN ... ADD CONSTRAINT.
 * - An extension is created WITH SCHEMA (the model's; created first when it
 *   is not one of the schemas written) and CASCADE (an extension it requires
 *   comes with it when the name order puts it later). Its version is the
 *   server's default: the target server may not have the source's.
 *
 * And the model adds statements of its own, after the spec's (comments last):
 * - A partition's copy of a parent's NOT VALID constraint that is valid
 *   (the partition was attached later) is validated (VALIDATE CONSTRAINT).
 * - Storage parameters of an index backing a constraint, which
 *   pg_get_constraintdef does not print, are set with ALTER INDEX ... SET.
 * - Comments the spec has no place for: on constraints, on indexes that
 *   back a constraint or that a partition copies from its parent, and on
 *   schemas (not `public`'s stock 'standard public schema').
 *
 * SQL text in the model (types, defaults, expressions, definitions) was
 * printed under `search_path = pg_catalog, public`; run the statements under
 * the same path (renderDdlScript sets it) and every name resolves as it did.
 * Every object the statements create is schema-qualified, so nothing lands
 * in pg_catalog.
 *
 * Known limitations — what the model does not hold, so the DDL cannot build:
 * - the owners and grants of functions, procedures and aggregates (which
 *   are written before the tables, or after them when their signature or
 *   SQL-standard body uses a table); C functions need their library on the
 *   server that loads the DDL.
 * - owners, grants, default privileges, row-level security and its
 *   policies, publications, rules, statistics objects, user-defined
 *   collations, operators, casts, text search configurations, foreign
 *   tables and servers, event triggers;
 * - table inheritance (INHERITS: the tables come out independent),
 *   table storage parameters, tablespaces (an index or constraint naming one
 *   needs it to exist), column storage and statistics targets, sequence
 *   positions, data;
 * - validity of an index (`indisvalid` false after a failed CREATE INDEX
 *   CONCURRENTLY: it comes out valid);
 * - storage parameters of a partitioned table's constraint index;
 * - a `public` schema the source dropped, or whose comment it removed.
 * With `schemas`, objects of other schemas that the DDL names (a foreign
 * key's table, a type) must already exist where it is loaded.
 */
export interface ModelToDdlOptions {
    /** Only these schemas (default: every schema of the model). */
    readonly schemas?: readonly string[];
}
export declare function modelToDdl(model: SchemaModel, options?: ModelToDdlOptions): string[];
/** What the script's header says about where it came from. */
export interface DdlScriptHeader {
    /** schema-audit's version. */
    readonly toolVersion: string;
    /** The database read, for people: `db.internal:5432/app (PostgreSQL 17.10)`. Never a URL with a password. */
    readonly source: string;
    /** When it was read (ISO 8601); left out, the same schema gives the same bytes. */
    readonly generatedAt?: string;
}
/**
 * The statements as a script for `psql -v ON_ERROR_STOP=1 -f FILE`: a
 * comment header, the session settings the statements assume (UTF-8 client
 * encoding, standard strings, the search_path the model's SQL text was
 * printed under), then each statement with its `;` and a blank line.
 * Deterministic: the same statements and header give the same bytes.
 */
export declare function renderDdlScript(statements: readonly string[], header: DdlScriptHeader): string;
