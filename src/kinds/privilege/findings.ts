/**
 * What the diff reports about privileges and owners, for the roles the
 * expected side governs (govern.ts), with the default severity and why.
 * The finding's object names the object and its kind (`object.kind`:
 * `table`, `column`, `function`, `schema`, `database`, `default privileges
 * for role app on tables`...).
 */
import type { Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { Grant } from './model.js';

/**
 * Grants the expected side has and the database lacks (or holds without
 * the grant option the expected side gives): `expected`, those grants;
 * `actual`, what the database holds of the same privileges for the same
 * roles (a grant without its option).
 */
export type PrivilegeMissingFinding = Finding<'privilege_missing', readonly Grant[], readonly Grant[]>;
/**
 * Grants the database has beyond the expected ones (or with a grant option
 * the expected side does not give): `actual`, those grants; `expected`,
 * what the expected side gives of the same privileges (a grant without its
 * option).
 */
export type PrivilegeUnexpectedFinding = Finding<'privilege_unexpected', readonly Grant[], readonly Grant[]>;
/** The owner: the expected one (a governed role), the database's. */
export type OwnerMismatchFinding = Finding<'owner_mismatch', string, string>;

export type PrivilegeFinding = PrivilegeMissingFinding | PrivilegeUnexpectedFinding | OwnerMismatchFinding;

export const PRIVILEGE_FINDINGS: FindingDefinitions<PrivilegeFinding> = {
  // A role the application runs as lacks what it needs: its queries fail.
  privilege_missing: {
    severity: 'error',
    effect: 'missing',
    noun: { one: 'missing privilege', many: 'missing privileges' },
    aspects: wholeObject,
  },
  // Access wider than expected (a grant to PUBLIC, to a tenant's role): in a
  // multi-tenant database this is a leak, so it fails the default gate. Only
  // governed roles are compared: the spec opted in.
  privilege_unexpected: {
    severity: 'error',
    effect: 'unexpected',
    noun: { one: 'unexpected privilege', many: 'unexpected privileges' },
    aspects: wholeObject,
  },
  // The owner holds every privilege, may grant them and drop the object.
  owner_mismatch: {
    severity: 'error',
    effect: 'mismatch',
    noun: { one: 'owner difference', many: 'owner differences' },
    aspects: () => ['owner'],
  },
};
