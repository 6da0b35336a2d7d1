/**
 * The spec's privilege nodes as written and their JSON Schema (see spec.ts):
 * apart, with no import of a kind, so every kind's spec section can add
 * `owner` and `grants` to its objects.
 */
import { ref, text, type JsonSchema, type JsonSchemaDefinitions } from '../../spec-file/json-schema.js';
import { DEFAULT_ACL_OBJECTS, type DefaultAclObjects } from './model.js';

/** A role of `roles:`: its name in the spec, or `{ name, as }` when the audited server names it otherwise. */
export type SpecRole = string | { readonly name: string; readonly as?: string };

/** `grants:`: privileges by role (`PUBLIC` for every role); a privilege may end with `WITH GRANT OPTION`. */
export type SpecGrants = Readonly<Record<string, readonly string[]>>;

/** What an object of the spec may say of its owner and privileges. */
export interface SpecPrivileges {
  /** Its owner: a role of `roles:`. */
  readonly owner?: string;
  readonly grants?: SpecGrants;
}

/** `database:`: the privileges of the database the spec is audited in (GRANT … ON DATABASE). */
export interface SpecDatabase {
  readonly grants?: SpecGrants;
}

/** One rule of `default_privileges:` (ALTER DEFAULT PRIVILEGES). */
export interface SpecDefaultPrivileges {
  /** FOR ROLE: the role whose new objects get these privileges (a role of `roles:`). */
  readonly role: string;
  /** IN SCHEMA; left out: every schema (the rule replaces PostgreSQL's built-in defaults). */
  readonly schema?: string;
  /** The kind of objects: tables, sequences, functions, types or schemas. */
  readonly on: DefaultAclObjects;
  readonly grants: SpecGrants;
}

// ---------------------------------------------------------------------------
// JSON Schema

/** The definitions `owner` and `grants` refer to (shared by every kind's objects). */
export const PRIVILEGE_DEFINITIONS: JsonSchemaDefinitions = {
  owner: text('The owner (ALTER … OWNER TO): a role of the spec\'s `roles:`. Compared only for governed roles; left out, the owner is not compared.', ['app']),
  grants: {
    description:
      'Privileges by role: a role of the spec\'s `roles:`, or PUBLIC (every role). Each privilege as GRANT spells it (SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN on tables and views; SELECT, INSERT, UPDATE, REFERENCES on columns; USAGE, SELECT, UPDATE on sequences; EXECUTE on functions; USAGE, CREATE on schemas; USAGE on types and domains; CONNECT, TEMPORARY (or TEMP), CREATE on the database; ALL), optionally followed by WITH GRANT OPTION. Written, it is the whole list for the governed roles and PUBLIC (what PUBLIC holds by default, EXECUTE on functions, USAGE on types, CONNECT and TEMPORARY on the database, is revoked unless listed); left out, the object has the privileges PostgreSQL gives a new one.',
    type: 'object',
    propertyNames: { minLength: 1 },
    additionalProperties: {
      type: 'array',
      items: text('A privilege: SELECT, or SELECT WITH GRANT OPTION.', ['SELECT', 'UPDATE WITH GRANT OPTION']),
      uniqueItems: true,
    },
    examples: [{ app: ['SELECT', 'INSERT'], readonly: ['SELECT'] }],
  },
  role: {
    description: 'A role the spec governs: its name, or { name, as } when the audited server names it otherwise.',
    anyOf: [
      text('A role name, the same on the audited server.', ['app']),
      {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: text('The role\'s name in the spec (in owner and grants).', ['readonly']),
          as: text('Its name on the audited server (`--role-map name=as` on the command line overrides it).', ['readonly_prod']),
        },
      },
    ],
  },
  defaultPrivileges: {
    description: 'ALTER DEFAULT PRIVILEGES FOR ROLE role [IN SCHEMA schema] GRANT … ON <on>: the privileges the role\'s new objects get.',
    type: 'object',
    additionalProperties: false,
    required: ['role', 'on', 'grants'],
    properties: {
      role: text('FOR ROLE: the role whose new objects these are (a role of `roles:`).', ['app']),
      schema: text('IN SCHEMA; left out: every schema (the rule then replaces the built-in defaults: EXECUTE on functions and USAGE on types to PUBLIC unless listed).', ['public']),
      on: { description: 'The kind of objects.', enum: [...DEFAULT_ACL_OBJECTS] },
      grants: ref('grants', 'Privileges by role that the role\'s new objects get.'),
    },
  },
};

/** `owner` and `grants` for an object's properties. */
export const PRIVILEGE_PROPERTIES: { readonly [key: string]: JsonSchema } = {
  owner: ref('owner', 'The owner (ALTER … OWNER TO): a role of `roles:`.'),
  grants: ref('grants', 'Privileges by role (GRANT); written, the whole list for the governed roles and PUBLIC.'),
};

/** `grants` for a column's properties (a column has no owner of its own). */
export const COLUMN_GRANTS_PROPERTY: { readonly [key: string]: JsonSchema } = {
  grants: ref('grants', 'Column privileges by role (GRANT SELECT (c) …): SELECT, INSERT, UPDATE, REFERENCES.'),
};

/** `column_grants` for a view's properties: its columns' privileges (a view's columns are not written in the spec). */
export const VIEW_COLUMN_GRANTS_PROPERTY: { readonly [key: string]: JsonSchema } = {
  column_grants: {
    description: 'Column privileges by column, then by role (GRANT SELECT (c) ON the view …): SELECT, INSERT, UPDATE, REFERENCES. Written for a column, the whole list for the governed roles and PUBLIC.',
    type: 'object',
    additionalProperties: ref('grants', 'The column\'s privileges by role.'),
    examples: [{ email: { readonly: ['SELECT'] } }],
  },
};

/** The spec file's `roles:` property. */
export const ROLES_PROPERTY: JsonSchema = {
  description:
    'The roles the spec governs: their owners and privileges are compared (PUBLIC\'s too); grants to other roles are not. `--role` and `--role-map` on the command line add roles, and a `--role-map` of a role named here overrides its `as`.',
  type: 'array',
  items: ref('role'),
};

/** The spec file's `default_privileges:` property. */
export const DEFAULT_PRIVILEGES_PROPERTY: JsonSchema = {
  description: 'Default privileges (ALTER DEFAULT PRIVILEGES) of governed roles.',
  type: 'array',
  items: ref('defaultPrivileges'),
};


/** The spec file's `database:` property. */
export const DATABASE_PROPERTY: JsonSchema = {
  description:
    'The database the spec is audited in, whatever its name on each server. Its `grants:` (CONNECT, TEMPORARY, CREATE, ALL) are the whole list for the governed roles and PUBLIC (PUBLIC\'s default CONNECT and TEMPORARY are revoked unless listed); left out, the database\'s privileges are not compared.',
  type: 'object',
  additionalProperties: false,
  properties: {
    grants: ref('grants', 'The database\'s privileges by role (GRANT … ON DATABASE): CONNECT, TEMPORARY, CREATE, ALL.'),
  },
  examples: [{ grants: { app: ['CONNECT', 'TEMPORARY'], PUBLIC: [] } }],
};
