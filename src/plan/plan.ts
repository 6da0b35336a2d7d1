/**
 * Drift findings → a remediation plan: forward (up) and rollback (down) SQL
 * per finding, in dependency order, with the hazards a DBA must know about.
 * Pure: the same findings and models always give the same plan.
 *
 * Rules (see README "Remediation SQL"):
 * - Production-safe forms: indexes built CONCURRENTLY (a failed build's
 *   INVALID index is dropped first, so a re-run rebuilds it); unique and
 *   primary keys on existing tables through a concurrent unique index and
 *   ADD CONSTRAINT … USING INDEX; checks and foreign keys on existing tables
 *   added NOT VALID, then VALIDATEd; SET NOT NULL through a validated CHECK;
 *   volatile defaults and `backfill:` expressions filled in primary-key
 *   batches that commit as they go.
 * - Every statement is idempotent (IF [NOT] EXISTS, or a catalog guard), so a
 *   re-run after a partial failure completes the job.
 * - Where a person must decide (a narrowing or rewriting type change, a
 *   different generated expression, enum labels to remove or reorder,
 *   partitioning), a manual step says why and suggests SQL, which never runs.
 * - Unexpected objects are dropped only with `dropUnexpected`; otherwise they
 *   are listed as kept.
 */
import type { Finding } from '../findings/finding.js';
import { displayName, objectKey, qualifiedName, quoteIdent, quoteLiteral } from '../model/identifiers.js';
import type { Column, Constraint, EnumType, Index, SchemaModel, Sequence, Table } from '../model/schema-model.js';
import { makeObjectName } from '../model/naming.js';
import {
  addColumnSql,
  addIdentityIfMissingSql,
  alterColumnSql,
  columnDefinitionSql,
  commentOnColumnSql,
  dropColumnSql,
  isVolatileDefault,
  modelColumnDefinition,
  nextvalSequence,
  syncColumnSequenceSql,
} from '../kinds/column/sql.js';
import {
  addConstraintIfMissingSql,
  constraintBody,
  deferrableClause,
  dropConstraintSql,
  inCreationOrder,
  renameConstraintIfExistsSql,
  swapKeyConstraintSql,
  usingIndexBody,
  validateConstraintSql,
} from '../kinds/constraint/sql.js';
import { createDomainIfMissingSql, dropDomainSql, type DomainDefinition } from '../kinds/domain/sql.js';
import { addEnumValueSql, commentOnTypeSql, createEnumIfMissingSql, dropEnumSql, type LabelPosition } from '../kinds/enum/sql.js';
import { createExtensionSql, dropExtensionSql } from '../kinds/extension/sql.js';
import { commentOnIndexSql, createIndexSql, dropIndexSql, dropInvalidIndexSql, renameIndexSql } from '../kinds/index/sql.js';
import { createSchemaSql, dropSchemaSql } from '../kinds/schema/sql.js';
import { createSequenceSql, dropSequenceSql, modelSequenceOptions, sequenceOwnedBySql } from '../kinds/sequence/sql.js';
import { doBlock, objectNameSql, regclass } from '../kinds/sql.js';
import { commentOnTableSql, createPartitionSql, createTableSql as createTableStatement, dropTableSql, setLoggedSql } from '../kinds/table/sql.js';
import { backfill as backfillStatement, longRunning, setNotNullSafely, stmt } from './statements.js';
import {
  backfillKey,
  DEFAULT_PLAN_SETTINGS,
  PLAN_PHASES,
  type Hazard,
  type ManualStep,
  type PlanOptions,
  type PlanPhase,
  type PlanSettings,
  type PlanStatement,
  type PlanStep,
  type RemediationPlan,
} from './types.js';

export interface PlanInput {
  /** The audit's drift findings (ignored findings are not in it). */
  readonly findings: readonly Finding[];
  readonly expected: SchemaModel;
  /** The audited database's model. */
  readonly live: SchemaModel;
  readonly options?: PlanOptions;
}

const PHASE_RANK = new Map<PlanPhase, number>(PLAN_PHASES.map((p, i) => [p, i]));

const key = objectKey;

/** `about 5,000 rows`, `no rows`, `size unknown: never analysed`. */
export function rowsText(rows: number | null | undefined): string {
  if (rows === null || rows === undefined || rows < 0) return 'size unknown: never analysed';
  if (rows === 0) return 'empty, as last analysed';
  return `about ${Math.round(rows).toLocaleString('en-US')} rows`;
}

interface Builder {
  readonly settings: PlanSettings;
  readonly steps: PlanStep[];
  readonly manual: ManualStep[];
  readonly kept: string[];
  readonly fixed: Set<string>;
}

export function planRemediation(input: PlanInput): RemediationPlan {
  const o = input.options ?? {};
  const settings: PlanSettings = {
    lockTimeout: o.lockTimeout ?? DEFAULT_PLAN_SETTINGS.lockTimeout,
    statementTimeout: o.statementTimeout ?? DEFAULT_PLAN_SETTINGS.statementTimeout,
    batchSize: o.batchSize ?? DEFAULT_PLAN_SETTINGS.batchSize,
    dropUnexpected: o.dropUnexpected ?? DEFAULT_PLAN_SETTINGS.dropUnexpected,
  };
  const backfills = o.backfills ?? new Map<string, string>();
  const b: Builder = { settings, steps: [], manual: [], kept: [], fixed: new Set() };

  const expectedTables = new Map(input.expected.tables.map((t) => [key(t.schema, t.name), t]));
  const liveTables = new Map(input.live.tables.map((t) => [key(t.schema, t.name), t]));
  const expectedEnums = new Map(input.expected.enums.map((e) => [key(e.schema, e.name), e]));
  const liveEnums = new Map(input.live.enums.map((e) => [key(e.schema, e.name), e]));
  const liveSchemas = new Set([
    ...input.live.schemas.map((s) => s.name),
    ...input.live.tables.map((t) => t.schema),
    ...input.live.enums.map((e) => e.schema),
  ]);
  const knownSchemas = new Set([...liveSchemas, ...input.expected.schemas.map((s) => s.name), ...input.expected.tables.map((t) => t.schema)]);
  const liveSequences = new Set(input.live.sequences.map((s) => key(s.schema, s.name)));
  const expectedSequenceByText = new Map<string, Sequence>();
  for (const s of input.expected.sequences) {
    expectedSequenceByText.set(s.schema === 'public' ? quoteIdent(s.name) : qualifiedName(s.schema, s.name), s);
    expectedSequenceByText.set(qualifiedName(s.schema, s.name), s);
  }

  const add = (step: Omit<PlanStep, 'id'> & { object: string }): void => {
    const { object, ...rest } = step;
    let id = `${rest.phase}:${object}`;
    for (let i = 2; b.steps.some((s) => s.id === id); i++) id = `${rest.phase}:${object}#${i}`;
    b.steps.push({ id, ...rest });
    for (const f of rest.findingIds) b.fixed.add(f);
  };
  const manual = (f: Finding, reason: string, suggestion: readonly string[] = [], hazards: readonly Hazard[] = []): void => {
    b.manual.push({ findingId: f.id, reason, suggestion, hazards });
  };

  const liveTable = (schema: string, table: string): Table | undefined => liveTables.get(key(schema, table));
  const sizeOf = (schema: string, table: string): string => `${displayName(schema, table)} (${rowsText(liveTable(schema, table)?.rowEstimate)})`;
  const isPartitioned = (t: Table | undefined): boolean => t?.kind === 'partitioned_table';
  const primaryKeyOf = (t: Table | undefined): { name: string; type: string }[] => {
    const pk = t?.constraints.find((c) => c.kind === 'primary_key');
    if (!t || !pk) return [];
    return pk.columns.map((name) => ({ name, type: t.columns.find((c) => c.name === name)?.type ?? 'text' }));
  };

  // -- schemas and sequences new objects need -----------------------------------
  const schemaSteps = new Set<string>();
  const ensureSchema = (schema: string, findingId: string): void => {
    if (liveSchemas.has(schema) || schemaSteps.has(schema)) return;
    schemaSteps.add(schema);
    add({
      object: displayName(schema),
      phase: 'schemas',
      findingIds: [findingId],
      summary: `create schema ${displayName(schema)}`,
      up: [stmt(createSchemaSql(schema))],
      down: [stmt(dropSchemaSql(schema))],
      hazards: [],
    });
  };
  // -- domains and extensions new columns need (the diff compares neither) ----------
  const liveTypes = new Set([...input.live.domains, ...input.live.enums].map((d) => key(d.schema, d.name)));
  const expectedDomains = new Map(input.expected.domains.map((d) => [d.schema === 'public' ? quoteIdent(d.name) : qualifiedName(d.schema, d.name), d]));
  const domainSteps = new Set<string>();
  /** A spec domain a type names (`year`, `billing.money_amount[]`), created when the database lacks it. */
  const ensureDomain = (typeText: string, findingId: string): void => {
    const d = expectedDomains.get(typeText.replace(/(\[\])+$/, ''));
    if (!d || liveTypes.has(key(d.schema, d.name)) || domainSteps.has(key(d.schema, d.name))) return;
    domainSteps.add(key(d.schema, d.name));
    ensureSchema(d.schema, findingId);
    ensureDomain(d.baseType, findingId);
    const definition: DomainDefinition = {
      schema: d.schema,
      name: d.name,
      baseType: d.baseType,
      collation: d.collation === null ? null : objectNameSql(d.collation, knownSchemas),
      default: d.default,
      notNull: d.notNull,
      checks: d.checks.map((c) => ({ name: c.name, body: c.definition.replace(/\s+NOT VALID$/, '') })),
    };
    add({
      object: displayName(d.schema, d.name),
      phase: 'types',
      findingIds: [findingId],
      summary: `create domain ${displayName(d.schema, d.name)} (${d.baseType})`,
      up: [stmt(createDomainIfMissingSql(definition))],
      down: [stmt(dropDomainSql(d.schema, d.name))],
      hazards: [],
    });
  };
  const liveExtensions = new Set(input.live.extensions.map((e) => e.name));
  let extensionsEnsured = false;
  /** The expected schema's extensions the database lacks, before the first new table or column. */
  const ensureExtensions = (findingId: string): void => {
    if (extensionsEnsured) return;
    extensionsEnsured = true;
    for (const e of input.expected.extensions) {
      if (liveExtensions.has(e.name)) continue;
      ensureSchema(e.schema, findingId);
      add({
        object: quoteIdent(e.name),
        phase: 'schemas',
        findingIds: [findingId],
        summary: `create extension ${quoteIdent(e.name)}`,
        up: [stmt(createExtensionSql(e.name, { schema: e.schema }))],
        down: [stmt(dropExtensionSql(e.name))],
        hazards: [],
      });
    }
  };
  /** What a new column needs to exist first. */
  const ensureColumnNeeds = (c: Column, findingId: string): void => {
    ensureExtensions(findingId);
    ensureDomain(c.type, findingId);
  };

  const sequenceSteps = new Set<string>();
  /** A serial default's sequence, created when the database lacks it; the statement that gives it its owner. */
  const ensureSequence = (defaultSql: string | null, findingId: string, owner: { schema: string; table: string; column: string } | null): PlanStatement[] => {
    const text = nextvalSequence(defaultSql);
    const s = text === null ? undefined : expectedSequenceByText.get(text);
    if (!s || liveSequences.has(key(s.schema, s.name))) return [];
    if (!sequenceSteps.has(key(s.schema, s.name))) {
      sequenceSteps.add(key(s.schema, s.name));
      ensureSchema(s.schema, findingId);
      add({
        object: displayName(s.schema, s.name),
        phase: 'sequences',
        findingIds: [findingId],
        summary: `create sequence ${displayName(s.schema, s.name)}`,
        up: [stmt(createSequenceSql(s.schema, s.name, modelSequenceOptions(s), { ifNotExists: true }))],
        down: [stmt(dropSequenceSql(s.schema, s.name))],
        hazards: [],
      });
    }
    const owned = s.ownedBy;
    if (owner === null || owned === null || owned.schema !== owner.schema || owned.table !== owner.table || owned.column !== owner.column) return [];
    return [stmt(sequenceOwnedBySql(s.schema, s.name, s.ownedBy))];
  };

  // -- constraints on tables that already exist ------------------------------------
  /**
   * Up and down statements that add constraint `c` (of expected table `t`) to
   * an existing table, in the production-safe form for its kind.
   */
  const addConstraintOnExisting = (
    t: Table,
    c: Constraint,
    name: string = c.name,
  ): { phase: PlanPhase; up: PlanStatement[]; down: PlanStatement[]; hazards: Hazard[] } => {
    const live = liveTable(t.schema, t.name);
    const partitioned = isPartitioned(live) || isPartitioned(t);
    const size = sizeOf(t.schema, t.name);
    const hazards: Hazard[] = [];
    const up: PlanStatement[] = [];
    const down = [stmt(dropConstraintSql(t.schema, t.name, name))];
    if (c.kind === 'foreign_key' || c.kind === 'check') {
      const notValid = !partitioned;
      up.push(stmt(addConstraintIfMissingSql(t.schema, t.name, name, `${constraintBody(c)}${notValid ? ' NOT VALID' : ''}`)));
      if (notValid && c.validated) {
        up.push(longRunning(validateConstraintSql(t.schema, t.name, name)));
        hazards.push({
          kind: 'validation_scan',
          message: `validating ${quoteIdent(name)} scans ${size}${c.kind === 'foreign_key' ? ' and looks up every referenced row' : ''}; reads and writes continue`,
        });
      }
      if (!notValid) {
        hazards.push({ kind: 'long_lock', message: `${quoteIdent(name)} is added in one step on partitioned ${size}, which blocks writes while every row is checked` });
      }
      hazards.push({
        kind: 'may_fail',
        message:
          c.kind === 'foreign_key'
            ? `fails if a row of ${size} references no row of ${displayName(c.references.schema, c.references.table)}: fix or delete those rows first`
            : `fails if a row of ${size} violates CHECK (${c.expression}): fix those rows first`,
      });
      return { phase: c.kind === 'foreign_key' ? 'foreign_keys' : 'constraints', up, down, hazards };
    }
    if ((c.kind === 'primary_key' || c.kind === 'unique') && !partitioned) {
      const index = t.indexes.find((i) => i.constraint === c.name);
      if (index) {
        up.push(stmt(dropInvalidIndexSql(t.schema, name)));
        up.push(longRunning(createIndexSql(index, { concurrently: true, name }), false));
        up.push(stmt(addConstraintIfMissingSql(t.schema, t.name, name, usingIndexBody(c, name))));
        down.push(stmt(dropIndexSql(t.schema, name, true), { transactional: false }));
        hazards.push({ kind: 'may_fail', message: `the unique index fails to build if ${size} holds duplicate (${c.columns.join(', ')}) values: remove the duplicates first` });
        if (c.kind === 'primary_key') {
          const nullable = c.columns.filter((n) => live?.columns.find((col) => col.name === n)?.nullable === true);
          if (nullable.length) {
            hazards.push({
              kind: 'long_lock',
              message: `the primary key sets NOT NULL on ${nullable.map(quoteIdent).join(', ')}, scanning ${size} under an ACCESS EXCLUSIVE lock`,
            });
          }
        }
        return { phase: 'constraints', up, down, hazards };
      }
    }
    up.push(stmt(addConstraintIfMissingSql(t.schema, t.name, name, constraintBody(c))));
    hazards.push({ kind: 'long_lock', message: `adding ${quoteIdent(name)} builds its index on ${size} while blocking writes` });
    if (c.kind !== 'exclusion') hazards.push({ kind: 'may_fail', message: `fails if ${size} holds duplicate (${c.columns.join(', ')}) values` });
    else hazards.push({ kind: 'may_fail', message: `fails if rows of ${size} conflict under the exclusion constraint` });
    return { phase: 'constraints', up, down, hazards };
  };

  /** Index build on an existing table: concurrent unless the table is partitioned. */
  const createIndexOnExisting = (schema: string, table: string, index: Index, name: string = index.name): { up: PlanStatement[]; down: PlanStatement[]; hazards: Hazard[] } => {
    const live = liveTable(schema, table);
    const size = sizeOf(schema, table);
    const hazards: Hazard[] = [];
    if (isPartitioned(live)) {
      hazards.push({ kind: 'long_lock', message: `PostgreSQL cannot build an index CONCURRENTLY on partitioned ${size}: the build blocks writes to every partition` });
      if (index.unique) hazards.push({ kind: 'may_fail', message: `the unique index fails to build if ${size} holds duplicates` });
      return {
        up: [stmt(createIndexSql(index, { concurrently: false, name }))],
        down: [stmt(dropIndexSql(schema, name, false))],
        hazards,
      };
    }
    if (index.unique) hazards.push({ kind: 'may_fail', message: `the unique index fails to build if ${size} holds duplicates: remove them first` });
    return {
      up: [stmt(dropInvalidIndexSql(schema, name)), longRunning(createIndexSql(index, { concurrently: true, name }), false)],
      down: [stmt(dropIndexSql(schema, name, true), { transactional: false })],
      hazards,
    };
  };

  /** A COMMENT statement, when there is a comment. */
  const commented = (comment: string | null, sql: (comment: string) => string): PlanStatement[] => (comment === null ? [] : [stmt(sql(comment))]);

  // -- whole tables ----------------------------------------------------------------
  /** CREATE TABLE for a model table: columns and every constraint but foreign keys inline (partitions: none). */
  const createTableSql = (t: Table): string => {
    const { schema, name, unlogged, partitionKey: partitionBy } = t;
    if (t.partitionOf) {
      const parent = { schema: t.partitionOf.schema, table: t.partitionOf.table };
      return createPartitionSql({ schema, name, unlogged, parent, bound: t.partitionOf.bound, columnOptions: [], partitionBy }, { ifNotExists: true });
    }
    const items = [...t.columns].sort((x, y) => x.position - y.position).map((c) => columnDefinitionSql(modelColumnDefinition(c, { withDefault: true, withNotNull: true, knownSchemas })));
    for (const c of inCreationOrder(t.constraints)) {
      if (c.kind === 'foreign_key') continue;
      items.push(`CONSTRAINT ${quoteIdent(c.name)} ${constraintBody(c)}`);
    }
    return createTableStatement({ schema, name, unlogged, items, partitionBy }, { ifNotExists: true });
  };

  /**
   * Every statement that builds table `t` from nothing (empty, so no
   * concurrency is needed): table, serial sequences' ownership, foreign keys,
   * indexes, comments. Grouped by phase.
   */
  const buildTable = (t: Table, findingId: string): { table: PlanStatement[]; fks: PlanStatement[]; indexes: PlanStatement[]; comments: PlanStatement[] } => {
    for (const c of t.columns) ensureColumnNeeds(c, findingId);
    const table: PlanStatement[] = [stmt(createTableSql(t))];
    if (t.partitionOf === null) {
      for (const c of t.columns) table.push(...ensureSequence(c.default, findingId, { schema: t.schema, table: t.name, column: c.name }));
    }
    const fks: PlanStatement[] = [];
    const indexes: PlanStatement[] = [];
    for (const c of inCreationOrder(t.constraints)) {
      if (c.kind === 'foreign_key') fks.push(stmt(addConstraintIfMissingSql(t.schema, t.name, c.name, c.definition)));
      else if (t.partitionOf !== null) table.push(stmt(addConstraintIfMissingSql(t.schema, t.name, c.name, constraintBody(c))));
    }
    for (const i of t.indexes) {
      if (i.constraint !== null) continue;
      indexes.push(stmt(createIndexSql(i, { concurrently: false })));
    }
    const comments = [
      ...commented(t.comment, (text) => commentOnTableSql(t.schema, t.name, text)),
      ...t.columns.flatMap((c) => commented(c.comment, (text) => commentOnColumnSql(t.schema, t.name, c.name, text))),
      ...t.indexes.filter((i) => i.constraint === null).flatMap((i) => commented(i.comment, (text) => commentOnIndexSql(t.schema, i.name, text))),
    ];
    return { table, fks, indexes, comments };
  };

  // -- findings, kind by kind --------------------------------------------------------
  const drift = input.findings.filter((f) => f.category === 'drift');
  const UNEXPECTED = new Set(['unexpected_table', 'unexpected_column', 'unexpected_index', 'unexpected_enum', 'unexpected_constraint']);

  // Missing enums first (tables may use them), then missing tables parents first.
  for (const f of drift) {
    if (f.kind !== 'missing_enum') continue;
    const e = f.expected as EnumType;
    ensureSchema(e.schema, f.id);
    add({
      object: displayName(e.schema, e.name),
      phase: 'types',
      findingIds: [f.id],
      summary: `create enum ${displayName(e.schema, e.name)} (${e.values.map(quoteLiteral).join(', ')})`,
      up: [stmt(createEnumIfMissingSql(e.schema, e.name, e.values)), ...commented(e.comment, (text) => commentOnTypeSql(e.schema, e.name, text))],
      down: [stmt(dropEnumSql(e.schema, e.name))],
      hazards: [],
    });
  }

  // Enum values: in the expected order, each placed before the next label the
  // type already has (or will have), else after the previous one.
  const valueFindings = drift.filter((f) => f.kind === 'enum_value_missing');
  const byEnum = new Map<string, Finding[]>();
  for (const f of valueFindings) {
    const k = key(f.object.schema, f.object.enum ?? '');
    byEnum.set(k, [...(byEnum.get(k) ?? []), f]);
  }
  for (const [k, findings] of byEnum) {
    const e = expectedEnums.get(k);
    const live = liveEnums.get(k);
    if (!e || !live) continue;
    const has = new Set(live.values);
    const missing = new Map(findings.map((f) => [f.object.value ?? '', f]));
    for (let i = 0; i < e.values.length; i++) {
      const value = e.values[i]!;
      const f = missing.get(value);
      if (!f) continue;
      const next = e.values.slice(i + 1).find((v) => has.has(v));
      const prev = [...e.values.slice(0, i)].reverse().find((v) => has.has(v));
      const position: LabelPosition = next !== undefined ? { before: next } : prev !== undefined ? { after: prev } : null;
      has.add(value);
      add({
        object: `${displayName(e.schema, e.name)}.${quoteLiteral(value)}`,
        phase: 'types',
        findingIds: [f.id],
        summary: `add value ${quoteLiteral(value)} to enum ${displayName(e.schema, e.name)}`,
        up: [stmt(addEnumValueSql(e.schema, e.name, value, position), { transactional: false })],
        down: [],
        hazards: [
          {
            kind: 'irreversible',
            message: `PostgreSQL cannot remove a value from an enum: down.sql leaves ${quoteLiteral(value)} in ${displayName(e.schema, e.name)} (removing it means recreating the type and converting every column that uses it)`,
          },
        ],
      });
    }
  }

  const missingTables = drift.filter((f) => f.kind === 'missing_table');
  const depth = (t: Table): number => {
    let d = 0;
    let p = t.partitionOf;
    const seen = new Set<string>();
    while (p && !seen.has(key(p.schema, p.table))) {
      seen.add(key(p.schema, p.table));
      d++;
      p = expectedTables.get(key(p.schema, p.table))?.partitionOf ?? null;
    }
    return d;
  };
  const newTables = missingTables
    .map((f) => ({ f, t: expectedTables.get(key(f.object.schema, f.object.table ?? '')) }))
    .filter((x): x is { f: Finding; t: Table } => x.t !== undefined)
    .sort((x, y) => depth(x.t) - depth(y.t));
  for (const { f, t } of newTables) {
    ensureSchema(t.schema, f.id);
    const built = buildTable(t, f.id);
    const name = displayName(t.schema, t.name);
    add({
      object: name,
      phase: 'tables',
      findingIds: [f.id],
      summary: `create table ${name}${t.partitionOf ? ` (partition of ${displayName(t.partitionOf.schema, t.partitionOf.table)})` : ''}`,
      up: built.table,
      down: [stmt(dropTableSql(t.schema, t.name))],
      hazards: [{ kind: 'rollback_data_loss', message: `rolling back drops table ${name} and every row written to it after the migration` }],
    });
    if (built.fks.length) {
      // Dropped first on the way back: another new table, or a new key, may be what they reference.
      const drops = t.constraints.filter((c) => c.kind === 'foreign_key').map((c) => stmt(dropConstraintSql(t.schema, t.name, c.name)));
      add({ object: name, phase: 'foreign_keys', findingIds: [f.id], summary: `foreign keys of new table ${name}`, up: built.fks, down: drops, hazards: [] });
    }
    if (built.indexes.length) add({ object: name, phase: 'indexes', findingIds: [f.id], summary: `indexes of new table ${name}`, up: built.indexes, down: [], hazards: [] });
    if (built.comments.length) add({ object: name, phase: 'comments', findingIds: [f.id], summary: `comments on new table ${name}`, up: built.comments, down: [], hazards: [] });
  }

  for (const f of drift) {
    const o = f.object;
    const expectedTable = o.table === undefined ? undefined : expectedTables.get(key(o.schema, o.table));
    switch (f.kind) {
      case 'missing_table':
      case 'missing_enum':
      case 'enum_value_missing':
        break; // above
      case 'missing_column':
        planMissingColumn(f, expectedTable);
        break;
      case 'column_type_mismatch':
        planTypeChange(f);
        break;
      case 'column_nullability_mismatch':
        planNullability(f);
        break;
      case 'column_default_mismatch':
        planDefault(f);
        break;
      case 'column_identity_mismatch':
        planIdentity(f);
        break;
      case 'column_generated_mismatch':
        planGenerated(f);
        break;
      case 'missing_index':
        planMissingIndex(f);
        break;
      case 'index_mismatch':
        planIndexMismatch(f);
        break;
      case 'missing_constraint': {
        if (!expectedTable) break;
        const c = f.expected as Constraint;
        const r = addConstraintOnExisting(expectedTable, c);
        add({
          object: displayName(o.schema, o.table ?? '', c.name),
          phase: r.phase,
          findingIds: [f.id],
          summary: `add ${constraintNoun(c)} ${quoteIdent(c.name)} to ${displayName(o.schema, o.table ?? '')}`,
          up: r.up,
          down: r.down,
          hazards: r.hazards,
        });
        break;
      }
      case 'constraint_mismatch':
        planConstraintMismatch(f);
        break;
      case 'table_mismatch':
        planTableMismatch(f);
        break;
      case 'enum_value_unexpected':
        manual(f, `PostgreSQL cannot remove a value from an enum: recreate the type without ${quoteLiteral(o.value ?? '')} once no row uses it, or add the value to the expected schema`, [], [
          { kind: 'irreversible', message: 'recreating an enum type rewrites every table with a column of that type' },
        ]);
        break;
      case 'enum_value_order_mismatch':
        manual(f, 'PostgreSQL cannot reorder the values of an enum: recreate the type with the expected order (this rewrites every column of that type), or accept the order');
        break;
      default:
        if (UNEXPECTED.has(f.kind)) {
          if (!settings.dropUnexpected) b.kept.push(f.id);
        }
    }
  }
  if (settings.dropUnexpected) planDrops(drift.filter((f) => UNEXPECTED.has(f.kind)));

  // -- per-kind planners (function declarations: hoisted, share the closure) --------

  function planMissingColumn(f: Finding, t: Table | undefined): void {
    if (!t) return;
    const o = f.object;
    const expected = f.expected as Column & { constraints?: readonly Constraint[] };
    const c = t.columns.find((x) => x.name === expected.name) ?? expected;
    const live = liveTable(o.schema, t.name);
    const name = displayName(o.schema, t.name, c.name);
    const size = sizeOf(o.schema, t.name);
    const rows = live?.rowEstimate ?? null;
    const backfill = backfills.get(backfillKey(o.schema, t.name, c.name));
    const plain = c.identity === null && c.generated === null;
    const volatile = plain && c.default !== null && isVolatileDefault(c.default);
    const fillLater = plain && (backfill !== undefined || volatile);
    const startsNull = plain && c.default === null && backfill === undefined;
    const up: PlanStatement[] = [];
    const hazards: Hazard[] = [];
    ensureColumnNeeds(c, f.id);
    const ownership = ensureSequence(c.default, f.id, { schema: o.schema, table: t.name, column: c.name });
    up.push(stmt(addColumnSql(o.schema, t.name, modelColumnDefinition(c, { withDefault: !fillLater, withNotNull: !fillLater, knownSchemas }))));
    up.push(...ownership);
    if (c.generated !== null && c.generated.kind === 'stored') {
      hazards.push({ kind: 'table_rewrite', message: `adding stored generated column ${name} computes it for every row, rewriting ${size} under an ACCESS EXCLUSIVE lock` });
    }
    if (c.identity !== null) {
      hazards.push({ kind: 'table_rewrite', message: `adding identity column ${name} numbers every row, rewriting ${size} under an ACCESS EXCLUSIVE lock` });
    }
    if (!fillLater && !c.nullable && c.default === null && plain) {
      hazards.push({
        kind: 'may_fail',
        message:
          `${name} is NOT NULL without a default: adding it fails if ${size} has rows. ` +
          'Decide the value for existing rows: give the column a `backfill:` expression (or a default) in the expected schema',
      });
    }
    add({
      object: name,
      phase: 'columns',
      findingIds: [f.id],
      summary: `add column ${name} (${c.type}${c.nullable ? '' : ', NOT NULL'})`,
      up,
      down: [stmt(dropColumnSql(o.schema, t.name, c.name))],
      hazards: [...hazards, { kind: 'rollback_data_loss', message: `rolling back drops column ${name} and every value written to it` }],
    });
    if (fillLater) {
      // The default first (new rows get it), then the old rows in batches, then NOT NULL.
      if (c.default !== null) {
        add({
          object: name,
          phase: 'alter_columns',
          findingIds: [f.id],
          summary: `default of new column ${name}`,
          up: [stmt(alterColumnSql(o.schema, t.name, c.name, `SET DEFAULT ${c.default}`))],
          down: [],
          hazards: [],
        });
      }
      const value = backfill ?? 'DEFAULT';
      const key = primaryKeyOf(live);
      add({
        object: name,
        phase: 'backfill',
        findingIds: [f.id],
        summary: `fill ${name} for existing rows with ${backfill !== undefined ? backfill : `its default ${c.default ?? ''}`}`,
        up: [backfillStatement({ schema: o.schema, table: t.name, column: c.name, value, key, batchSize: settings.batchSize })],
        down: [],
        hazards:
          key.length === 0
            ? [{ kind: 'long_lock', message: `${size} has no primary key to batch by: one UPDATE fills ${name}, locking every row it changes until it commits` }]
            : [],
      });
      if (!c.nullable) {
        add({
          object: name,
          phase: 'not_null',
          findingIds: [f.id],
          summary: `set NOT NULL on new column ${name}`,
          up: setNotNullSafely(o.schema, t.name, c.name, notNullHelperName(t.name, c.name)),
          down: [],
          hazards: [{ kind: 'validation_scan', message: `checking that ${name} holds no NULL scans ${size}; reads and writes continue` }],
        });
      }
    }
    for (const k of expected.constraints ?? []) {
      const r = addConstraintOnExisting(t, t.constraints.find((x) => x.name === k.name) ?? k);
      add({
        object: displayName(o.schema, t.name, k.name),
        phase: r.phase,
        findingIds: [f.id],
        summary: `add ${constraintNoun(k)} ${quoteIdent(k.name)} of new column ${name}`,
        up: r.up,
        down: r.down,
        // A new column without a default or backfill holds only NULLs, which no foreign key rejects.
        hazards: rows === 0 ? [] : startsNull && k.kind === 'foreign_key' ? r.hazards.filter((h) => h.kind !== 'may_fail') : r.hazards,
      });
    }
    if (c.comment !== null) {
      add({
        object: name,
        phase: 'comments',
        findingIds: [f.id],
        summary: `comment on new column ${name}`,
        up: commented(c.comment, (text) => commentOnColumnSql(o.schema, t.name, c.name, text)),
        down: [],
        hazards: [],
      });
    }
  }

  function columnsOf(f: Finding): { e: Column; a: Column; et: Table; at: Table } | null {
    const o = f.object;
    const et = expectedTables.get(key(o.schema, o.table ?? ''));
    const at = liveTable(o.schema, o.table ?? '');
    const e = et?.columns.find((c) => c.name === o.column);
    const a = at?.columns.find((c) => c.name === o.column);
    return e && a && et && at ? { e, a, et, at } : null;
  }

  function planTypeChange(f: Finding): void {
    const pair = columnsOf(f);
    if (!pair) return;
    const { e, a, at } = pair;
    const o = f.object;
    const name = displayName(o.schema, o.table ?? '', o.column ?? '');
    const size = sizeOf(o.schema, at.name);
    const typeWith = (c: Column): string => `${c.type}${c.collation !== null ? ` COLLATE ${objectNameSql(c.collation, knownSchemas)}` : ''}`;
    // PostgreSQL refuses to change the type of a column a generated column is computed from.
    const mentions = new RegExp(`(^|[^\\w$"])(${escapeRegExp(e.name)}|${escapeRegExp(quoteIdent(e.name))})(?![\\w$"])`);
    const usedBy = at.columns.filter((c) => c.generated !== null && c.name !== e.name && mentions.test(c.generated.expression)).map((c) => c.name);
    if (usedBy.length > 0) {
      manual(
        f,
        `${name} is used by the generated column${usedBy.length > 1 ? 's' : ''} ${usedBy.map(quoteIdent).join(', ')}: PostgreSQL cannot change its type while they exist; drop ${usedBy.length > 1 ? 'them' : 'it'}, change the type, and add ${usedBy.length > 1 ? 'them' : 'it'} again (a table rewrite)`,
        [`${alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(e)}`)};`],
        [{ kind: 'table_rewrite', message: `re-adding the generated column rewrites ${size}` }],
      );
      return;
    }
    if (e.collation === a.collation && isSafeWidening(a.type, e.type)) {
      add({
        object: name,
        phase: 'alter_columns',
        findingIds: [f.id],
        summary: `widen ${name} from ${a.type} to ${e.type}`,
        up: [stmt(alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(e)}`))],
        down: [stmt(alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(a)}`))],
        hazards: [
          {
            kind: 'may_fail',
            message: `rolling back narrows ${name} to ${a.type} again, which rewrites ${size} and fails if a value written since no longer fits`,
          },
        ],
      });
      return;
    }
    const narrowing = isSafeWidening(e.type, a.type);
    manual(
      f,
      narrowing
        ? `narrowing ${name} from ${a.type} to ${e.type} fails, or loses data, where values do not fit: check the data, then decide`
        : e.collation !== a.collation && e.type === a.type
          ? `changing the collation of ${name} rebuilds every index on it and can change the order and uniqueness of its values: decide when`
          : `changing ${name} from ${typeWith(a)} to ${typeWith(e)} converts every value and rewrites ${size} under an ACCESS EXCLUSIVE lock: decide the conversion (USING) and a maintenance window, or migrate through a new column`,
      [`${alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(e)} USING ${quoteIdent(e.name)}::${e.type}`)};`],
      [{ kind: 'table_rewrite', message: `rewrites ${size} under an ACCESS EXCLUSIVE lock` }],
    );
  }

  function planNullability(f: Finding): void {
    const pair = columnsOf(f);
    if (!pair) return;
    const { e, at } = pair;
    const o = f.object;
    const name = displayName(o.schema, at.name, e.name);
    const size = sizeOf(o.schema, at.name);
    const helper = notNullHelperName(at.name, e.name);
    if (e.nullable) {
      add({
        object: name,
        phase: 'alter_columns',
        findingIds: [f.id],
        summary: `drop NOT NULL on ${name}`,
        up: [stmt(alterColumnSql(o.schema, at.name, e.name, 'DROP NOT NULL'))],
        down: setNotNullSafely(o.schema, at.name, e.name, helper),
        hazards: [{ kind: 'may_fail', message: `rolling back sets NOT NULL again, which fails once a NULL has been written to ${name}` }],
      });
      return;
    }
    const backfill = backfills.get(backfillKey(o.schema, at.name, e.name));
    if (backfill !== undefined) {
      add({
        object: name,
        phase: 'backfill',
        findingIds: [f.id],
        summary: `fill the NULLs of ${name} with ${backfill}`,
        up: [backfillStatement({ schema: o.schema, table: at.name, column: e.name, value: backfill, key: primaryKeyOf(at), batchSize: settings.batchSize })],
        down: [],
        hazards: [],
      });
    }
    add({
      object: name,
      phase: 'not_null',
      findingIds: [f.id],
      summary: `set NOT NULL on ${name}`,
      up: setNotNullSafely(o.schema, at.name, e.name, helper),
      down: [stmt(alterColumnSql(o.schema, at.name, e.name, 'DROP NOT NULL'))],
      hazards: [
        { kind: 'validation_scan', message: `checking that ${name} holds no NULL scans ${size}; reads and writes continue` },
        ...(backfill === undefined
          ? [
              {
                kind: 'may_fail' as const,
                message: `fails while a row holds NULL in ${name}: decide the value for those rows (a \`backfill:\` in the expected schema fills them first)`,
              },
            ]
          : []),
      ],
    });
  }

  function planDefault(f: Finding): void {
    const pair = columnsOf(f);
    if (!pair) return;
    const { e, a, at } = pair;
    const o = f.object;
    const name = displayName(o.schema, at.name, e.name);
    const set = (d: string | null): string => alterColumnSql(o.schema, at.name, e.name, d === null ? 'DROP DEFAULT' : `SET DEFAULT ${d}`);
    const ownership = ensureSequence(e.default, f.id, null);
    add({
      object: name,
      phase: 'alter_columns',
      findingIds: [f.id],
      summary: e.default === null ? `drop the default of ${name}` : `set the default of ${name} to ${e.default}`,
      up: [...ownership, stmt(set(e.default))],
      down: [stmt(set(a.default))],
      hazards: [],
    });
  }

  function planIdentity(f: Finding): void {
    const pair = columnsOf(f);
    if (!pair) return;
    const { e, a, at } = pair;
    const o = f.object;
    const name = displayName(o.schema, at.name, e.name);
    const kindSql = (k: Column['identity']): string => (k === 'always' ? 'ALWAYS' : 'BY DEFAULT');
    const syncSequence = stmt(syncColumnSequenceSql(o.schema, at.name, e.name));
    if (e.identity !== null && a.identity !== null) {
      add({
        object: name,
        phase: 'alter_columns',
        findingIds: [f.id],
        summary: `make ${name} GENERATED ${kindSql(e.identity)} AS IDENTITY`,
        up: [stmt(alterColumnSql(o.schema, at.name, e.name, `SET GENERATED ${kindSql(e.identity)}`))],
        down: [stmt(alterColumnSql(o.schema, at.name, e.name, `SET GENERATED ${kindSql(a.identity)}`))],
        hazards: [],
      });
      return;
    }
    if (e.identity !== null && a.identity === null && a.default === null && a.generated === null) {
      add({
        object: name,
        phase: 'not_null',
        findingIds: [f.id],
        summary: `make ${name} an identity column`,
        up: [
          stmt(addIdentityIfMissingSql(o.schema, at.name, e.name, e.identity)),
          syncSequence,
        ],
        down: [stmt(alterColumnSql(o.schema, at.name, e.name, 'DROP IDENTITY IF EXISTS'))],
        hazards: [{ kind: 'may_fail', message: `fails while ${name} is nullable or holds NULLs` }],
      });
      return;
    }
    if (e.identity === null && a.identity !== null && nextvalSequence(e.default) === null) {
      const restore = e.default === null ? [] : [stmt(alterColumnSql(o.schema, at.name, e.name, `SET DEFAULT ${e.default}`))];
      add({
        object: name,
        phase: 'alter_columns',
        findingIds: [f.id],
        summary: `drop the identity of ${name}`,
        up: [stmt(alterColumnSql(o.schema, at.name, e.name, 'DROP IDENTITY IF EXISTS')), ...restore],
        down: [
          ...(e.default === null ? [] : [stmt(alterColumnSql(o.schema, at.name, e.name, 'DROP DEFAULT'))]),
          stmt(addIdentityIfMissingSql(o.schema, at.name, e.name, a.identity)),
          syncSequence,
        ],
        hazards: [{ kind: 'rollback_data_loss', message: `the identity's sequence is dropped with it; rolling back creates a new one, set past the largest ${quoteIdent(e.name)}` }],
      });
      return;
    }
    manual(
      f,
      a.default !== null && e.identity !== null
        ? `${name} draws from a sequence default (serial); turning it into an identity column means dropping the default and its sequence, adding the identity and setting it past the largest value: decide when`
        : `changing how ${name} is generated needs a decision about its sequence and existing values`,
    );
  }

  function planGenerated(f: Finding): void {
    const pair = columnsOf(f);
    if (!pair) return;
    const { e, a, at } = pair;
    const name = displayName(f.object.schema, at.name, e.name);
    const suggestion =
      e.generated !== null && a.generated !== null
        ? [`${alterColumnSql(f.object.schema, at.name, e.name, `SET EXPRESSION AS (${e.generated.expression})`)}; -- PostgreSQL 17 and later; rewrites the table`]
        : a.generated !== null && e.generated === null
          ? [`${alterColumnSql(f.object.schema, at.name, e.name, 'DROP EXPRESSION')}; -- keeps the current values`]
          : [];
    manual(
      f,
      `${name} is generated differently than expected: changing a generated column recomputes (or freezes) every value and rewrites ${sizeOf(f.object.schema, at.name)}; decide how`,
      suggestion,
      [{ kind: 'table_rewrite', message: `rewrites ${sizeOf(f.object.schema, at.name)}` }],
    );
  }

  function planMissingIndex(f: Finding): void {
    const o = f.object;
    const t = expectedTables.get(key(o.schema, o.table ?? ''));
    const index = t?.indexes.find((i) => i.name === o.index) ?? (f.expected as Index);
    if (!t) return;
    const r = createIndexOnExisting(o.schema, t.name, index);
    add({
      object: displayName(o.schema, t.name, index.name),
      phase: 'indexes',
      findingIds: [f.id],
      summary: `create index ${quoteIdent(index.name)} on ${displayName(o.schema, t.name)}`,
      up: [...r.up, ...commented(index.comment, (text) => commentOnIndexSql(o.schema, index.name, text))],
      down: r.down,
      hazards: r.hazards,
    });
  }

  function planIndexMismatch(f: Finding): void {
    const o = f.object;
    const e = f.expected as Index;
    const a = f.actual as Index;
    const at = liveTable(o.schema, o.table ?? '');
    const partition = at?.partitionOf !== null || isPartitioned(at);
    if (e.constraint !== null || a.constraint !== null || partition) {
      manual(
        f,
        e.constraint !== null || a.constraint !== null
          ? `index ${quoteIdent(e.name)} implements constraint ${quoteIdent(e.constraint ?? a.constraint ?? '')}: rebuilding it means replacing the constraint; decide when`
          : `index ${quoteIdent(e.name)} is part of a partitioned index tree: rebuild it from the partitioned parent`,
        [`${dropIndexSql(o.schema, a.name, false)};`, `${createIndexSql(e, { concurrently: false })};`],
        [{ kind: 'long_lock', message: `rebuilding blocks writes to ${sizeOf(o.schema, o.table ?? '')}` }],
      );
      return;
    }
    const tmp = makeObjectName(e.name, null, 'sa_new');
    const swap = (from: Index): PlanStatement[] => [
      stmt(dropInvalidIndexSql(o.schema, tmp)),
      longRunning(createIndexSql(from, { concurrently: true, name: tmp }), false),
      stmt(dropIndexSql(o.schema, e.name, true), { transactional: false }),
      stmt(renameIndexSql(o.schema, tmp, e.name)),
    ];
    add({
      object: displayName(o.schema, o.table ?? '', e.name),
      phase: 'indexes',
      findingIds: [f.id],
      summary: `rebuild index ${quoteIdent(e.name)} on ${displayName(o.schema, o.table ?? '')} as expected: built CONCURRENTLY as ${quoteIdent(tmp)} beside the old one, then swapped in`,
      up: swap(e),
      down: swap(a),
      hazards: [
        ...(e.unique ? [{ kind: 'may_fail' as const, message: 'the unique index fails to build if the table holds duplicates' }] : []),
      ],
    });
  }

  function planConstraintMismatch(f: Finding): void {
    const o = f.object;
    const e = f.expected as Constraint;
    const a = f.actual as Constraint;
    const et = expectedTables.get(key(o.schema, o.table ?? ''));
    const at = liveTable(o.schema, o.table ?? '');
    if (!et || !at) return;
    const name = displayName(o.schema, at.name, e.name);
    const tmp = makeObjectName(e.name, null, 'sa_new');
    if ((e.kind === 'foreign_key' || e.kind === 'check') && e.kind === a.kind) {
      const replace = (table: Table, c: Constraint): { up: PlanStatement[]; hazards: Hazard[] } => {
        const r = addConstraintOnExisting(table, c, tmp);
        return {
          up: [...r.up, stmt(dropConstraintSql(o.schema, at.name, e.name)), stmt(renameConstraintIfExistsSql(o.schema, at.name, tmp, e.name))],
          hazards: r.hazards,
        };
      };
      const up = replace(et, e);
      const down = replace(at, a);
      add({
        object: name,
        phase: e.kind === 'foreign_key' ? 'foreign_keys' : 'constraints',
        findingIds: [f.id],
        summary: `replace ${constraintNoun(e)} ${name} with the expected definition`,
        up: up.up,
        down: down.up,
        hazards: up.hazards,
      });
      return;
    }
    const referenced = (e.kind === 'primary_key' || e.kind === 'unique') && input.live.tables.some((t) =>
      t.constraints.some((c) => c.kind === 'foreign_key' && c.references.schema === o.schema && c.references.table === at.name && sameList(c.references.columns, a.columns)),
    );
    if ((e.kind === 'primary_key' || e.kind === 'unique') && e.kind === a.kind && !referenced && !isPartitioned(at) && at.partitionOf === null) {
      const swap = (table: Table, c: Constraint): PlanStatement[] => {
        const index = table.indexes.find((i) => i.constraint === c.name);
        if (!index) return [];
        return [
          stmt(dropInvalidIndexSql(o.schema, tmp)),
          longRunning(createIndexSql(index, { concurrently: true, name: tmp }), false),
          stmt(swapKeyConstraintSql(o.schema, at.name, c, tmp)),
        ];
      };
      const up = swap(et, e);
      const down = swap(at, a);
      if (up.length && down.length) {
        add({
          object: name,
          phase: 'constraints',
          findingIds: [f.id],
          summary: `replace ${constraintNoun(e)} ${name} with the expected definition`,
          up,
          down,
          hazards: [
            { kind: 'may_fail', message: `the new unique index fails to build if ${sizeOf(o.schema, at.name)} holds duplicates` },
            ...(e.kind === 'primary_key' ? [{ kind: 'long_lock' as const, message: `swapping the primary key sets NOT NULL on its columns, which scans ${sizeOf(o.schema, at.name)} under an ACCESS EXCLUSIVE lock where they were nullable` }] : []),
          ],
        });
        return;
      }
    }
    manual(
      f,
      referenced
        ? `${name} is referenced by foreign keys: replacing it means dropping and re-adding them too; decide when`
        : `${name} is a ${constraintNoun(a)} in the database and a ${constraintNoun(e)} in the expected schema, or cannot be replaced without blocking writes: decide how`,
      [`${dropConstraintSql(o.schema, at.name, e.name)};`, `ALTER TABLE ${qualifiedName(o.schema, at.name)} ADD CONSTRAINT ${quoteIdent(e.name)} ${constraintBody(e)};`],
      [{ kind: 'long_lock', message: `blocks writes to ${sizeOf(o.schema, at.name)}` }],
    );
  }

  function planTableMismatch(f: Finding): void {
    const e = f.expected as Pick<Table, 'kind' | 'partitionKey' | 'partitionOf' | 'unlogged'>;
    const a = f.actual as Pick<Table, 'kind' | 'partitionKey' | 'partitionOf' | 'unlogged'>;
    const o = f.object;
    const name = displayName(o.schema, o.table ?? '');
    const sameStructure = e.kind === a.kind && e.partitionKey === a.partitionKey && JSON.stringify(e.partitionOf) === JSON.stringify(a.partitionOf);
    if (sameStructure && e.unlogged !== a.unlogged) {
      const set = (unlogged: boolean): string => setLoggedSql(o.schema, o.table ?? '', unlogged);
      add({
        object: name,
        phase: 'columns',
        findingIds: [f.id],
        summary: `make ${name} ${e.unlogged ? 'UNLOGGED' : 'LOGGED'}`,
        up: [stmt(set(e.unlogged))],
        down: [stmt(set(a.unlogged))],
        hazards: [{ kind: 'table_rewrite', message: `SET ${e.unlogged ? 'UNLOGGED' : 'LOGGED'} rewrites ${sizeOf(o.schema, o.table ?? '')} under an ACCESS EXCLUSIVE lock` }],
      });
      return;
    }
    manual(
      f,
      `${name} is partitioned differently than expected: changing partitioning means creating the new table, copying the rows and swapping names; plan it as a data migration`,
    );
  }

  function planDrops(findings: readonly Finding[]): void {
    // The foreign keys of the tables to drop go first: a key they reference may be dropped before them.
    const tableDrops = findings.filter((x) => x.kind === 'unexpected_table');
    const outgoing = tableDrops.flatMap((f) => {
      const t = liveTable(f.object.schema, f.object.table ?? '');
      return t ? t.constraints.filter((c) => c.kind === 'foreign_key').map((c) => ({ t, c })) : [];
    });
    if (outgoing.length) {
      add({
        object: 'foreign keys of dropped tables',
        phase: 'drop_constraints',
        findingIds: tableDrops.map((f) => f.id),
        summary: 'drop the foreign keys of the unexpected tables first',
        up: outgoing.map(({ t, c }) => stmt(dropConstraintSql(t.schema, t.name, c.name))),
        down: outgoing.map(({ t, c }) => stmt(addConstraintIfMissingSql(t.schema, t.name, c.name, c.definition))),
        hazards: [],
      });
    }
    const fkFirst = (f: Finding): number => ((f.actual as Constraint | null)?.kind === 'foreign_key' ? 0 : 1);
    for (const f of [...findings.filter((x) => x.kind === 'unexpected_constraint')].sort((x, y) => fkFirst(x) - fkFirst(y))) {
      const o = f.object;
      const c = f.actual as Constraint;
      const at = liveTable(o.schema, o.table ?? '');
      if (!at) continue;
      const r = addConstraintOnExisting(at, at.constraints.find((x) => x.name === c.name) ?? c);
      add({
        object: displayName(o.schema, at.name, c.name),
        phase: 'drop_constraints',
        findingIds: [f.id],
        summary: `drop unexpected ${constraintNoun(c)} ${quoteIdent(c.name)} on ${displayName(o.schema, at.name)}`,
        up: [stmt(dropConstraintSql(o.schema, at.name, c.name))],
        down: r.up,
        hazards: [],
      });
    }
    for (const f of findings.filter((x) => x.kind === 'unexpected_index')) {
      const o = f.object;
      const i = f.actual as Index;
      const r = createIndexOnExisting(o.schema, o.table ?? '', i);
      add({
        object: displayName(o.schema, o.table ?? '', i.name),
        phase: 'drop_indexes',
        findingIds: [f.id],
        summary: `drop unexpected index ${quoteIdent(i.name)} on ${displayName(o.schema, o.table ?? '')}`,
        up: r.down,
        down: r.up,
        hazards: [],
      });
    }
    // Generated columns first: PostgreSQL will not drop a column one is computed from.
    const generatedFirst = (f: Finding): number => ((f.actual as Column | null)?.generated ? 0 : 1);
    for (const f of findings.filter((x) => x.kind === 'unexpected_column').sort((x, y) => generatedFirst(x) - generatedFirst(y))) {
      const o = f.object;
      const c = f.actual as Column;
      const name = displayName(o.schema, o.table ?? '', c.name);
      const table = o.table ?? '';
      // A serial column's sequence goes with it (OWNED BY): the way back recreates it.
      const serials = input.live.sequences.filter((q) => !q.identity && q.ownedBy?.schema === o.schema && q.ownedBy.table === o.table && q.ownedBy.column === c.name);
      add({
        object: name,
        phase: 'drop_columns',
        findingIds: [f.id],
        summary: `drop unexpected column ${name}`,
        up: [stmt(dropColumnSql(o.schema, table, c.name))],
        down: [
          ...serials.map((q) => stmt(createSequenceSql(q.schema, q.name, modelSequenceOptions(q), { ifNotExists: true }))),
          stmt(addColumnSql(o.schema, table, modelColumnDefinition(c, { withDefault: true, withNotNull: true, knownSchemas }))),
          ...serials.map((q) => stmt(sequenceOwnedBySql(q.schema, q.name, q.ownedBy))),
          ...commented(c.comment, (text) => commentOnColumnSql(o.schema, table, c.name, text)),
        ],
        hazards: [
          { kind: 'data_loss', message: `drops column ${name} of ${sizeOf(o.schema, o.table ?? '')} and every value in it: back it up first if anything may still need it` },
          { kind: 'rollback_data_loss', message: `rolling back adds ${name} again, empty: the values are gone${!c.nullable && c.default === null ? ' (and it fails if the table has rows, since the column is NOT NULL without a default)' : ''}` },
        ],
      });
    }
    const tables = findings.filter((x) => x.kind === 'unexpected_table').map((f) => ({ f, t: liveTable(f.object.schema, f.object.table ?? '') }));
    const dropping = tables.filter((x): x is { f: Finding; t: Table } => x.t !== undefined);
    if (dropping.length) {
      // Partitions before their parents; down builds parents first, then every foreign key and index.
      const ordered = [...dropping].sort((x, y) => liveDepth(y.t) - liveDepth(x.t));
      const builds = [...ordered].reverse().map((x) => buildTable(x.t, x.f.id));
      add({
        object: ordered.map((x) => displayName(x.t.schema, x.t.name)).join(','),
        phase: 'drop_tables',
        findingIds: ordered.map((x) => x.f.id),
        summary: `drop unexpected table${ordered.length > 1 ? 's' : ''} ${ordered.map((x) => displayName(x.t.schema, x.t.name)).join(', ')}`,
        // Their foreign keys are gone already (drop_constraints), so the order of the drops never matters.
        up: ordered.map((x) => stmt(dropTableSql(x.t.schema, x.t.name))),
        down: [
          ...ordered.flatMap((x) => ownedSequences(x.t).map((q) => stmt(createSequenceSql(q.schema, q.name, modelSequenceOptions(q), { ifNotExists: true })))),
          ...builds.flatMap((x) => x.table),
          ...ordered.flatMap((x) => ownedSequences(x.t).map((q) => stmt(sequenceOwnedBySql(q.schema, q.name, q.ownedBy)))),
          // (their foreign keys come back last, with the first drop_constraints step, once every key they reference is back)
          ...builds.flatMap((x) => x.indexes),
          ...builds.flatMap((x) => x.comments),
        ],
        hazards: ordered.map((x): Hazard => ({
          kind: 'data_loss',
          message: `drops table ${sizeOf(x.t.schema, x.t.name)} with all its rows; rolling back recreates it empty`,
        })).concat([
          {
            kind: 'may_fail',
            message:
              'a DROP TABLE fails while a view, a function (over the row type) or a foreign key of a kept table depends on the table: ' +
              'PostgreSQL names the dependent object; change or drop it first (schema-audit does not model views and functions)',
          },
        ]),
      });
    }
    for (const f of findings.filter((x) => x.kind === 'unexpected_enum')) {
      const e = f.actual as EnumType;
      add({
        object: displayName(e.schema, e.name),
        phase: 'drop_types',
        findingIds: [f.id],
        summary: `drop unexpected enum ${displayName(e.schema, e.name)}`,
        up: [stmt(dropEnumSql(e.schema, e.name))],
        down: [stmt(createEnumIfMissingSql(e.schema, e.name, e.values))],
        hazards: [{ kind: 'may_fail', message: `fails while a column still uses ${displayName(e.schema, e.name)}` }],
      });
    }
  }

  /** The live, non-identity sequences owned by columns of `t` (dropped with it). */
  function ownedSequences(t: Table): Sequence[] {
    return input.live.sequences.filter((q) => !q.identity && q.ownedBy?.schema === t.schema && q.ownedBy.table === t.name);
  }

  function liveDepth(t: Table): number {
    let d = 0;
    let p = t.partitionOf;
    while (p && d < 64) {
      d++;
      p = liveTables.get(key(p.schema, p.table))?.partitionOf ?? null;
    }
    return d;
  }

  const steps = b.steps
    .map((s, i) => ({ s, i }))
    .sort((x, y) => (PHASE_RANK.get(x.s.phase) ?? 0) - (PHASE_RANK.get(y.s.phase) ?? 0) || x.i - y.i)
    .map((x) => x.s);
  return {
    settings,
    steps,
    manual: b.manual,
    kept: b.kept,
    fixed: drift.map((f) => f.id).filter((id) => b.fixed.has(id)),
  };
}

// ---------------------------------------------------------------------------

/**
 * What an audit against the original schema still reports after down.sql:
 * the changes the plan marks irreversible (enum values PostgreSQL cannot
 * remove), as the finding ids of that audit, sorted.
 */
export function leftAfterRollback(plan: {
  readonly steps: readonly { readonly findingIds: readonly string[]; readonly hazards: readonly { readonly kind: string }[] }[];
}): string[] {
  return plan.steps
    .filter((s) => s.hazards.some((h) => h.kind === 'irreversible'))
    .flatMap((s) => s.findingIds.map((id) => id.replace(/^enum_value_missing:/, 'enum_value_unexpected:')))
    .sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}


function constraintNoun(c: Constraint): string {
  switch (c.kind) {
    case 'primary_key':
      return 'primary key';
    case 'unique':
      return 'unique constraint';
    case 'foreign_key':
      return 'foreign key';
    case 'check':
      return 'check';
    case 'exclusion':
      return 'exclusion constraint';
  }
}

/** The temporary CHECK (col IS NOT NULL) behind a safe SET NOT NULL. */
function notNullHelperName(table: string, column: string): string {
  return makeObjectName(table, column, 'sa_not_null');
}

/**
 * Type changes PostgreSQL makes without rewriting the table or touching a
 * value: a longer (or unlimited) varchar, varchar to text, a numeric with
 * more precision and the same scale (or unconstrained).
 */
export function isSafeWidening(from: string, to: string): boolean {
  if (from === to) return false;
  const varchar = /^character varying(?:\((\d+)\))?$/;
  const numeric = /^numeric(?:\((\d+),(\d+)\))?$/;
  const vf = varchar.exec(from);
  if (vf) {
    if (to === 'text') return true;
    const vt = varchar.exec(to);
    if (!vt) return false;
    if (vt[1] === undefined) return true;
    return vf[1] !== undefined && Number(vt[1]) >= Number(vf[1]);
  }
  if (from === 'text') return to === 'character varying';
  const nf = numeric.exec(from);
  const nt = numeric.exec(to);
  if (nf && nt) {
    if (nt[1] === undefined) return true;
    return nf[1] !== undefined && nt[2] === nf[2] && Number(nt[1]) >= Number(nf[1]);
  }
  return false;
}
