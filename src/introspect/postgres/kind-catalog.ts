/**
 * How a kind of object is read from the PostgreSQL catalog: the contract
 * between a kind's `src/kinds/<kind>/catalog.ts` and the introspector, which
 * walks the registry and runs each kind's statements in one transaction
 * (postgres-introspector.ts).
 *
 * - A top-level kind read on its own (`section`) runs one statement through
 *   kysely and decodes its rows into the model's section, sorted.
 * - A container kind (tables) streams its own rows into the assembler
 *   (catalog-assembler.ts); its member kinds (columns, indexes, constraints,
 *   triggers) stream theirs after it, in registry order. Each streamed
 *   statement names the assembler step its rows go to: the step resolves
 *   what crosses kinds by OID (which table a row belongs to, columns by
 *   attnum, the constraint an index implements, referenced tables) and calls
 *   the member kind's decoder with it.
 *
 * This module is a bottom layer for the kind folders: it must never import
 * the registry, a kind's folder or the introspector.
 */
import type { Kysely, RawBuilder } from 'kysely';
import type { CatalogQuery } from './stream-rows.js';

/** What every catalog statement is built from. */
export interface CatalogScope {
  /** The schemas to read; undefined: every schema but PostgreSQL's own (see system-filters.ts). */
  readonly schemas: readonly string[] | undefined;
  /** Schemas left out (`--exclude-schema`); none when absent. */
  readonly excludeSchemas?: readonly string[];
  /** The server's major version, for catalog columns added later (`pg_index.indnullsnotdistinct`: 15). */
  readonly major: number;
  /** OIDs of tables left unread (`--lock-wait skip`); none when absent. */
  readonly notRead?: readonly string[];
  /** OIDs of the only tables to read (those listed before the snapshot); every table when absent. */
  readonly only?: readonly string[];
}

/** Names of the OIDs that the lookup statements read (name-lookups.ts), for decoders whose rows hold OIDs. */
export interface CatalogNames {
  /** Operator classes that are not their type's default, by OID. */
  readonly opclasses: ReadonlyMap<string, string>;
  /** Every collation, by OID. */
  readonly collations: ReadonlyMap<string, string>;
}

/**
 * The steps of the assembler (catalog-assembler.ts), one per streamed
 * statement, in no particular order: the assembler must define each one
 * (a mapped type), and a streamed statement can name only these.
 */
export type AssemblyStep = 'table' | 'column' | 'indexExpression' | 'index' | 'referencedColumn' | 'constraint' | 'trigger' | 'policy';

/** One statement read in array row mode whose rows go, as they arrive, to an assembler step. */
export interface StreamedStatement {
  readonly step: AssemblyStep;
  readonly query: (scope: CatalogScope) => CatalogQuery;
}

/** A top-level kind read by a statement of its own: the model's section, decoded and sorted. */
export interface SectionCatalog {
  readonly role: 'section';
  /** Run the kind's statement in `db` (the introspection's transaction) and decode its rows. */
  readonly read: (db: Kysely<unknown>, scope: CatalogScope) => Promise<readonly unknown[]>;
  /** The kind's statement, unrun: the catalogs it reads are checked for the role's SELECT right first (visibility.ts). */
  readonly statement: (scope: CatalogScope) => RawBuilder<unknown>;
}

/**
 * A kind whose objects hold members (a table's columns...): its own
 * statements stream first; the introspector then runs the name lookups and
 * its member kinds' statements, and takes the section from the assembler.
 * Known limitation: the assembler builds one container kind, tables.
 */
export interface ContainerCatalog {
  readonly role: 'container';
  readonly statements: readonly StreamedStatement[];
}

/** A member kind (placement `container`): read by its container, in the order of its statements. */
export interface MemberCatalog {
  readonly role: 'member';
  readonly statements: readonly StreamedStatement[];
}

/** A kind with no objects of its own (comments: each kind reads its objects' comments with them). */
export interface NoCatalog {
  readonly role: 'none';
}

/** How a kind is read from the catalog (see the module comment). */
export type KindCatalog = SectionCatalog | ContainerCatalog | MemberCatalog | NoCatalog;

/**
 * A section catalog from the kind's statement (run through kysely, object
 * rows, pg-types parsing) and its pure decoder.
 */
export function sectionCatalog<R, T>(query: (scope: CatalogScope) => RawBuilder<R>, decode: (rows: readonly R[]) => readonly T[]): SectionCatalog {
  return {
    role: 'section',
    statement: query,
    read: async (db, scope) => decode((await query(scope).execute(db)).rows),
  };
}

/** A model object while the assembler completes it (a column's position, an index's constraint). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
