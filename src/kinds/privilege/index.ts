/**
 * Privileges and owners (issue #12): the ACLs and owners of every kind's
 * objects, the database's, and default privileges, read by one statement
 * (catalog.ts) into the model's `privileges` section. Compared only for the
 * roles the expected side governs (govern.ts: the spec's `roles:`,
 * `--role`, `--role-map`), and planned as GRANT, REVOKE and ALTER … OWNER
 * TO in the `privileges` phase.
 */
import type { ObjectKind } from '../kind.js';
import { PRIVILEGE_CATALOG } from './catalog.js';
import { comparePrivileges } from './compare.js';
import { PRIVILEGE_FINDINGS, type PrivilegeFinding } from './findings.js';
import { PRIVILEGE_PLAN } from './plan.js';
import { specPrivilegeDdl } from './spec.js';
import { PRIVILEGE_WORDS } from './words.js';

export const privilegeKind: ObjectKind<PrivilegeFinding> = {
  name: 'privilege',
  noun: { one: 'privilege', many: 'privileges' },
  placement: { section: 'privileges' },
  objectField: null,
  findings: PRIVILEGE_FINDINGS,
  compare: comparePrivileges,
  listsMissingApart: false,
  ddl: { privileges: (context) => specPrivilegeDdl(context.spec) },
  plan: PRIVILEGE_PLAN,
  words: PRIVILEGE_WORDS,
  // Its spec nodes are the other kinds' `owner:` and `grants:`, and the file's `roles:` and `default_privileges:` (spec.ts).
  spec: null,
  catalog: PRIVILEGE_CATALOG,
};
