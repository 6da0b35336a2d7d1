/**
 * What the CI formats say about a finding kind (a SARIF rule, a GitLab
 * check): a short description and help text, from the kind's definition
 * (src/kinds/<kind>/findings.ts) for drift, from the list below for advice.
 */
import { ADVICE_SEVERITY, isAdviceKind, type AdviceKind } from '../../advice/index.js';
import { findingDefinition, isFindingKind } from '../../findings/kinds.js';
import type { Severity } from '../../findings/finding.js';

export interface RuleText {
  /** `missing column`. */
  readonly name: string;
  /** One sentence: what the finding means. */
  readonly short: string;
  /** What to do about it. */
  readonly help: string;
  readonly severity: Severity;
}

const ADVICE: Readonly<Record<AdviceKind, { readonly name: string; readonly short: string; readonly help: string }>> = {
  fk_without_index: {
    name: 'foreign key without index',
    short: 'A foreign key has no index on its referencing columns.',
    help: 'Deletes and updates of the referenced rows scan the referencing table. Add an index whose leading columns are the foreign key columns.',
  },
  duplicate_index: {
    name: 'duplicate index',
    short: 'Two indexes of a table are the same.',
    help: 'Every write maintains both. Drop one of them (keep the one a constraint uses).',
  },
  redundant_index: {
    name: 'redundant index',
    short: 'An index is a prefix of another index of the table.',
    help: 'The longer index serves the same queries. Drop the shorter one unless it is unique or much smaller for a hot query.',
  },
  table_without_primary_key: {
    name: 'table without primary key',
    short: 'A table has no primary key.',
    help: 'Rows cannot be told apart reliably, and logical replication cannot replicate updates and deletes. Add a primary key.',
  },
  invalid_index: {
    name: 'invalid index',
    short: 'An index is marked invalid (a CREATE INDEX CONCURRENTLY that failed).',
    help: 'It is maintained on writes but never used. Drop it and create it again.',
  },
  constraint_not_valid: {
    name: 'constraint not validated',
    short: 'A constraint was added NOT VALID and never validated.',
    help: 'Existing rows were not checked. Run ALTER TABLE … VALIDATE CONSTRAINT when the table can be scanned.',
  },
  unused_index: {
    name: 'unused index',
    short: 'An index was not scanned since the statistics were reset.',
    help: 'Check every replica before dropping it: the statistics are per server.',
  },
};

const EFFECT_HELP = {
  missing: 'The expected schema defines it; the database does not have it. Apply the remediation SQL (--migration-dir), or change the expected schema if the database is right.',
  unexpected: 'The database has it; the expected schema does not define it. Add it to the expected schema, drop it (--drop-unexpected), or ignore it with a reason in the spec.',
  mismatch: 'The object exists on both sides but differs. Apply the remediation SQL (--migration-dir), or change the expected schema if the database is right.',
} as const;

const EFFECT_SHORT = {
  missing: 'An object of the expected schema is missing from the database',
  unexpected: 'The database has an object the expected schema does not define',
  mismatch: 'An object differs between the expected schema and the database',
} as const;

/** The words for a finding kind (drift or advice); a kind this version does not know gets plain words. */
export function ruleText(kind: string): RuleText {
  if (isAdviceKind(kind)) return { ...ADVICE[kind], severity: ADVICE_SEVERITY[kind] };
  if (isFindingKind(kind)) {
    const d = findingDefinition(kind);
    return { name: d.noun.one, short: `${EFFECT_SHORT[d.effect]}: ${d.noun.one}.`, help: EFFECT_HELP[d.effect], severity: d.severity };
  }
  return { name: kind.replace(/_/g, ' '), short: kind.replace(/_/g, ' '), help: 'See the schema-audit report.', severity: 'warning' };
}
