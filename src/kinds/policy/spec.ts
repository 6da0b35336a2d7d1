/**
 * Row-level security in the spec, on a table node: `rowSecurity: true`
 * (ENABLE ROW LEVEL SECURITY), `forceRowSecurity: true` (FORCE), and
 * `policies:` by name, each its USING expression alone (a permissive policy
 * for every command and role), or an object:
 *
 *   rowSecurity: true
 *   policies:
 *     tenant_isolation: tenant_id = current_setting('app.tenant_id')::uuid
 *     no_archived_writes:
 *       restrictive: true
 *       command: update
 *       roles: [app_user]
 *       using: NOT archived
 *       withCheck: NOT archived
 *       description: Archived leads are read-only
 *
 * Each expression is parsed as one SQL expression; the server holding the
 * expected schema deparses it, as the audited server does its own.
 */
import { flag, objectsByName, ref, text, type JsonSchema, type JsonSchemaDefinitions } from '../../spec-file/json-schema.js';
import { oneLine } from '../../spec-file/one-line.js';
import type { CheckContext, Mutable, SqlFragmentPath } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import type { QualifiedName } from '../../spec-file/names.js';
import { setOwn } from '../../model/own.js';
import type { Table } from '../table/model.js';
import { sortRoles } from './catalog.js';
import type { Policy, PolicyCommand } from './model.js';

/** A policy as a spec writes it in object form (or, in the table node, its USING expression as a string). */
export interface SpecPolicyObject {
  /** Default `all`. */
  readonly command?: PolicyCommand;
  /** AS RESTRICTIVE (default false: PERMISSIVE). */
  readonly restrictive?: boolean;
  /** Default `[public]` (PUBLIC: every role). */
  readonly roles?: readonly string[];
  readonly using?: string;
  readonly withCheck?: string;
  readonly description?: string;
}

export type SpecPolicy = string | SpecPolicyObject;

const COMMANDS: readonly PolicyCommand[] = ['all', 'select', 'insert', 'update', 'delete'];
const EXAMPLE = "tenant_id = current_setting('app.tenant_id')::uuid";

/** `policyObject` and `policy` (an expression, or an object). */
export const POLICY_DEFINITIONS: JsonSchemaDefinitions = {
  policyObject: {
    description: 'A row-level security policy (CREATE POLICY).',
    type: 'object',
    additionalProperties: false,
    properties: {
      command: { description: 'The command it applies to (FOR ...): all (the default), select, insert, update, delete.', enum: [...COMMANDS] },
      restrictive: flag('AS RESTRICTIVE (combined with AND with the other policies); the default is PERMISSIVE (combined with OR).'),
      roles: {
        description: 'The roles it applies to (TO ...), by exact name; `public` is PUBLIC, every role (the default).',
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: text('A role name.', ['app_user', 'public']),
      },
      using: text('The USING expression: which existing rows the roles see (and may update or delete).', [EXAMPLE]),
      withCheck: text('The WITH CHECK expression: which new rows the roles may write.', [EXAMPLE]),
      description: text('What the policy is for (its COMMENT).'),
    },
  },
  policy: {
    description: 'A policy: its USING expression (permissive, for all commands and every role), or an object.',
    type: ['string', 'object'],
    if: { type: 'string' },
    then: { minLength: 1 },
    else: ref('policyObject'),
    examples: [EXAMPLE, { command: 'select', roles: ['app_user'], using: EXAMPLE }],
  },
};

/** The keys of a table node's schema. */
export const POLICY_PROPERTIES: Readonly<Record<string, JsonSchema>> = {
  rowSecurity: flag('ENABLE ROW LEVEL SECURITY: the policies decide which rows roles other than the owner reach (a table without policies: none).'),
  forceRowSecurity: flag("FORCE ROW LEVEL SECURITY: the table's owner is subject to the policies too."),
  policies: objectsByName('Row-level security policies by name.', 'policy'),
};

/** A policy's SQL text (below the policy: a string is its USING expression), checked by spec-file/expressions.ts. */
export const POLICY_SQL_FRAGMENTS: readonly SqlFragmentPath[] = [
  { path: [], kind: 'expression' },
  { path: ['using'], kind: 'expression' },
  { path: ['withCheck'], kind: 'expression' },
];

/** A spec policy node as the model's policy (its name given). */
export function policyOfSpec(name: string, node: SpecPolicy): Policy {
  if (typeof node === 'string') return { name, command: 'all', permissive: true, roles: ['public'], using: node, check: null, comment: null };
  return {
    name,
    command: node.command ?? 'all',
    permissive: node.restrictive !== true,
    roles: sortRoles(node.roles ?? ['public']),
    using: node.using ?? null,
    check: node.withCheck ?? null,
    comment: node.description ?? null,
  };
}

/** The policies of a table node: names, and clauses PostgreSQL accepts for the command. */
export function checkPolicies(context: CheckContext, info: { readonly q: QualifiedName; readonly table: Record<string, unknown> }): void {
  if (!isRecord(info.table.policies)) return;
  for (const [name, node] of Object.entries(info.table.policies)) {
    const path = ['tables', info.q.schema, info.q.name, 'policies', name];
    context.checkNameLength(name, path, 'policy');
    if (!isRecord(node)) continue;
    const command = typeof node.command === 'string' ? node.command : 'all';
    if (command === 'insert' && node.using !== undefined) context.report([...path, 'using'], 'an INSERT policy has no USING expression (only withCheck)');
    if ((command === 'select' || command === 'delete') && node.withCheck !== undefined) {
      context.report([...path, 'withCheck'], `a ${command.toUpperCase()} policy has no WITH CHECK expression (only using)`);
    }
    if (command === 'insert' && node.withCheck === undefined) context.report(path, 'an INSERT policy needs a withCheck expression');
    if (command !== 'insert' && node.using === undefined && node.withCheck === undefined) context.report(path, 'a policy needs a using or a withCheck expression');
  }
}

/** The roles the spec's policies name (PUBLIC aside), for the scratch server to create. */
export function specPolicyRoles(tables: Iterable<{ readonly policies?: Readonly<Record<string, SpecPolicy>> }>): string[] {
  const out = new Set<string>();
  for (const t of tables) {
    for (const node of Object.values(t.policies ?? {})) {
      if (typeof node !== 'string') for (const r of node.roles ?? []) if (r !== 'public') out.add(r);
    }
  }
  return [...out].sort();
}

/** The roles the policies of these models name (PUBLIC aside), for a scratch server to create. */
export function modelPolicyRoles(models: Iterable<{ readonly tables: readonly Table[] }>): string[] {
  const out = new Set<string>();
  for (const m of models) for (const t of m.tables) for (const p of t.policies ?? []) for (const r of p.roles) if (r !== 'public') out.add(r);
  return [...out].sort();
}

// ---------------------------------------------------------------------------
// From the model

/** A policy as the spec writes it: the USING expression alone when everything else is the default. */
export function policySpec(p: Policy): SpecPolicy {
  const everyone = p.roles.length === 1 && p.roles[0] === 'public';
  if (p.command === 'all' && p.permissive && everyone && p.using !== null && p.check === null && p.comment === null) return oneLine(p.using);
  const out: Mutable<SpecPolicyObject> = {};
  if (p.command !== 'all') out.command = p.command;
  if (!p.permissive) out.restrictive = true;
  if (!everyone) out.roles = [...p.roles];
  if (p.using !== null) out.using = oneLine(p.using);
  if (p.check !== null) out.withCheck = oneLine(p.check);
  if (p.comment !== null) out.description = p.comment;
  return out;
}

/** A model table's row-level security keys as the spec writes them (none when off and without policies). */
export function rowSecuritySpec(t: Table): { rowSecurity?: true; forceRowSecurity?: true; policies?: Record<string, SpecPolicy> } {
  const out: { rowSecurity?: true; forceRowSecurity?: true; policies?: Record<string, SpecPolicy> } = {};
  if (t.rowSecurity) out.rowSecurity = true;
  if (t.forceRowSecurity) out.forceRowSecurity = true;
  if (t.policies?.length) {
    const policies: Record<string, SpecPolicy> = {};
    for (const p of t.policies) setOwn(policies, p.name, policySpec(p));
    out.policies = policies;
  }
  return out;
}
