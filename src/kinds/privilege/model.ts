/**
 * Privileges and owners, as the catalogs hold them: one entry per object
 * that carries an access control list (relations, columns, sequences,
 * functions, schemas, types, the database itself) or a default-privileges
 * rule (ALTER DEFAULT PRIVILEGES), and the roles of the server. A NULL ACL
 * is read as the defaults it stands for (`acldefault`), so NULL and the
 * explicit default are the same; the grantor is not kept.
 */

/** The kinds of objects whose privileges are read; `role` entries only name the server's roles. */
export const ACL_OBJECT_KINDS = [
  'database',
  'schema',
  'type',
  'domain',
  'sequence',
  'function',
  'procedure',
  'aggregate',
  'table',
  'view',
  'materialized view',
  'foreign table',
  'column',
  'default privileges',
  'role',
] as const;

export type AclObjectKind = (typeof ACL_OBJECT_KINDS)[number];

/** The kinds of objects ALTER DEFAULT PRIVILEGES governs, as its `ON` clause names them. */
export const DEFAULT_ACL_OBJECTS = ['tables', 'sequences', 'functions', 'types', 'schemas'] as const;
export type DefaultAclObjects = (typeof DEFAULT_ACL_OBJECTS)[number];

/** One privilege held by a role (or PUBLIC, spelled `PUBLIC`). */
export interface Grant {
  readonly grantee: string;
  /** `SELECT`, `USAGE`, `EXECUTE`... as GRANT spells it. */
  readonly privilege: string;
  /** WITH GRANT OPTION. */
  readonly grantable: boolean;
}

/** The name PUBLIC (every role) has in {@link Grant.grantee}. */
export const PUBLIC_GRANTEE = 'PUBLIC';

/**
 * One object's owner and privileges. `schema` is '' for the database and
 * for default privileges in every schema; `name` is the object's name
 * (a column's table, the role whose default privileges these are, '' for
 * the database, a role's own name for `role`).
 */
export interface AclObject {
  readonly kind: AclObjectKind;
  readonly schema: string;
  readonly name: string;
  /** A column's name. */
  readonly column?: string;
  /** A function's identity arguments (`integer, text`). */
  readonly arguments?: string;
  /** Default privileges: the kind of objects they apply to. */
  readonly objects?: DefaultAclObjects;
  /** The owner's name; null where there is none (default privileges, columns, roles). */
  readonly owner: string | null;
  /** Sorted by grantee, then privilege. */
  readonly grants: readonly Grant[];
  /**
   * Set by governance only (govern.ts), never read from a catalog: the
   * owner as read, whether governed or not (`owner` is then null where
   * owners are not compared).
   */
  readonly readOwner?: string;
}

