/**
 * The plan's part for columns present on both sides: type, nullability,
 * default, identity and generation changes, in the forms that keep the
 * table available, or manual steps where a person must decide (a narrowing
 * or rewriting type change, a different generated expression).
 */
import { displayName, qualifiedName, quoteIdent } from '../../model/identifiers.js';
import type { Table } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { backfill as backfillStatement, setNotNullSafely, stmt } from '../../plan/statements.js';
import { backfillKey } from '../../plan/types.js';
import { dropConstraintSql } from '../constraint/sql.js';
import { objectNameSql } from '../sql.js';
import type { ColumnFinding } from './findings.js';
import { mentionOf, planGenerated } from './plan-generated.js';
import { defaultSettledByConversion, planConversion } from './plan-convert.js';
import type { Column } from './model.js';
import { ensureColumnSequence, notNullHelperName, primaryKeyOf } from './plan-needs.js';
import { findingId } from '../../findings/finding.js';
import { splitQualified } from '../../spec-file/names.js';
import { specSequenceOptions } from '../sequence/ddl.js';
import { sequenceOptions as nonDefaultSequenceOptions } from '../sequence/spec.js';
import { defaultsDrawingFrom } from '../sequence/plan.js';
import type { Sequence } from '../sequence/model.js';
import { modelSequenceOptions, sequenceOptionsSql } from '../sequence/sql.js';
import {
  addIdentityIfMissingSql,
  alterColumnSql,
  identityToSerialSql,
  nextvalSequence,
  serialToIdentitySql,
  syncColumnSequenceSql,
  type SerialSequence,
} from './sql.js';

type Of<K extends ColumnFinding['kind']> = Extract<ColumnFinding, { kind: K }>;

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

/** The column a mismatch names, on both sides, with the live table; null when a model lacks it. */
interface ColumnPair {
  readonly e: Column;
  readonly a: Column;
  readonly at: Table;
  /** `public.leads.email`. */
  readonly name: string;
}

function columnsOf(f: ColumnFinding, ctx: PlanContext): ColumnPair | null {
  const o = f.object;
  const et = ctx.expected.table(o.schema, o.table ?? '');
  const at = ctx.live.table(o.schema, o.table ?? '');
  const e = et?.columns.find((c) => c.name === o.column);
  const a = at?.columns.find((c) => c.name === o.column);
  return e && a && et && at ? { e, a, at, name: displayName(o.schema, at.name, e.name) } : null;
}

/** The generated columns of `at` computed from column `e` (PostgreSQL refuses to change the type of a column they read). */
function generatedUsers(e: Column, at: Table): string[] {
  const mentions = mentionOf(e.name);
  return at.columns.filter((c) => c.generated !== null && c.name !== e.name && mentions.test(c.generated.expression)).map((c) => c.name);
}

/** Whether the type change of `e` is planned as a conversion (plan-convert.ts), which also sets the column's default. */
function converted(ctx: PlanContext, e: Column, a: Column, at: Table): boolean {
  return (
    ctx.settings.convertTypes && e.type !== a.type && !(e.collation === a.collation && isSafeWidening(a.type, e.type)) && generatedUsers(e, at).length === 0
  );
}

function planTypeChange(f: Of<'column_type_mismatch'>, ctx: PlanContext): void {
  const pair = columnsOf(f, ctx);
  if (!pair) return;
  const { e, a, at } = pair;
  const o = f.object;
  const name = displayName(o.schema, o.table ?? '', o.column ?? '');
  const size = ctx.sizeOf(o.schema, at.name);
  const typeWith = (c: Column): string => `${c.type}${c.collation !== null ? ` COLLATE ${objectNameSql(c.collation, ctx.knownSchemas)}` : ''}`;
  const usedBy = generatedUsers(e, at);
  if (usedBy.length > 0) {
    const them = usedBy.length > 1 ? 'them' : 'it';
    ctx.manual(
      f,
      `${name} is used by the generated column${usedBy.length > 1 ? 's' : ''} ${usedBy.map(quoteIdent).join(', ')}: PostgreSQL cannot change its type while they exist; drop ${them}, change the type, and add ${them} again (a table rewrite)`,
      [`${alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(e)}`)};`],
      [{ kind: 'table_rewrite', message: `re-adding the generated column rewrites ${size}` }],
    );
    return;
  }
  if (e.collation === a.collation && isSafeWidening(a.type, e.type)) {
    ctx.add({
      object: name,
      phase: 'alter_columns',
      findingIds: [f.id],
      summary: `widen ${name} from ${a.type} to ${e.type}`,
      up: [stmt(alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(e)}`))],
      down: [stmt(alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(a)}`))],
      hazards: [{ kind: 'may_fail', message: `rolling back narrows ${name} to ${a.type} again, which rewrites ${size} and fails if a value written since no longer fits` }],
    });
    return;
  }
  if (e.type === a.type) {
    // The collation alone: no rewrite (the values do not change), but every index over the column is rebuilt.
    const collated = (c: Column): string => `${c.type} COLLATE ${c.collation !== null ? objectNameSql(c.collation, ctx.knownSchemas) : 'pg_catalog."default"'}`;
    const indexes = at.indexes.filter((i) => i.keys.some((k) => k.column === e.name || (k.expression !== null && mentionOf(e.name).test(k.expression))));
    ctx.add({
      object: name,
      phase: 'alter_columns',
      findingIds: [f.id],
      summary: `collate ${name} by ${e.collation ?? 'its type\'s default collation'}`,
      up: [stmt(alterColumnSql(o.schema, at.name, e.name, `TYPE ${collated(e)}`))],
      down: [stmt(alterColumnSql(o.schema, at.name, e.name, `TYPE ${collated(a)}`))],
      hazards: [
        {
          kind: 'long_lock',
          message:
            indexes.length > 0
              ? `holds an ACCESS EXCLUSIVE lock on ${size} while it rebuilds ${indexes.map((i) => quoteIdent(i.name)).join(', ')} (no table rewrite)`
              : `takes an ACCESS EXCLUSIVE lock on ${size} briefly (no table rewrite, no index over ${quoteIdent(e.name)})`,
        },
        {
          kind: 'may_fail',
          message: `fails unless the collation exists in the database (collations are not compared), or when a unique index over ${name} sees equal values under the new collation; sorting and comparisons of ${name} change`,
        },
      ],
    });
    return;
  }
  if (ctx.settings.convertTypes) {
    planConversion(f, ctx, e, a, at, typeWith);
    return;
  }
  ctx.manual(
    f,
    isSafeWidening(e.type, a.type)
      ? `narrowing ${name} from ${a.type} to ${e.type} fails, or loses data, where values do not fit: check the data, then decide (--convert-types plans it)`
      : `changing ${name} from ${typeWith(a)} to ${typeWith(e)} converts every value and rewrites ${size} under an ACCESS EXCLUSIVE lock: decide the conversion (USING) and a maintenance window, or migrate through a new column (--convert-types plans the conversion)`,
    [`${alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(e)} USING ${quoteIdent(e.name)}::${e.type}`)};`],
    [{ kind: 'table_rewrite', message: `rewrites ${size} under an ACCESS EXCLUSIVE lock` }],
  );
}

/**
 * DROP NOT NULL; or SET NOT NULL through a validated CHECK, after the NULLs
 * are filled: with the spec's `backfill:` value, else with the column's
 * expected default (a plain default: not identity or generated), in batches.
 */
function planNullability(f: Of<'column_nullability_mismatch'>, ctx: PlanContext): void {
  const pair = columnsOf(f, ctx);
  if (!pair) return;
  const { e, at, name } = pair;
  const schema = f.object.schema;
  const helper = notNullHelperName(at.name, e.name);
  // Dropped with the identity, after it: the identity's step.
  if (e.nullable && e.identity === null && pair.a.identity !== null) return;
  if (e.nullable) {
    ctx.add({
      object: name,
      phase: 'alter_columns',
      findingIds: [f.id],
      summary: `drop NOT NULL on ${name}`,
      up: [stmt(alterColumnSql(schema, at.name, e.name, 'DROP NOT NULL'))],
      down: setNotNullSafely(schema, at.name, e.name, helper),
      hazards: [{ kind: 'may_fail', message: `rolling back sets NOT NULL again, which fails once a NULL has been written to ${name}` }],
    });
    return;
  }
  const given = ctx.backfills.get(backfillKey(schema, at.name, e.name));
  const byDefault = e.default !== null && e.identity === null && e.generated === null ? e.default : undefined;
  const backfill = given ?? byDefault;
  if (backfill !== undefined) {
    ctx.add({
      object: name,
      phase: 'backfill',
      findingIds: [f.id],
      summary: `fill the NULLs of ${name} with ${given === undefined ? 'its expected default ' : ''}${backfill}`,
      up: [backfillStatement({ schema, table: at.name, column: e.name, value: backfill, key: primaryKeyOf(at), batchSize: ctx.settings.batchSize })],
      down: [],
      hazards: [{ kind: 'irreversible', message: `down.sql does not put the NULLs back: the rows of ${name} filled with ${backfill} keep it` }],
    });
  }
  ctx.add({
    object: name,
    phase: 'not_null',
    findingIds: [f.id],
    summary: `set NOT NULL on ${name}`,
    up: setNotNullSafely(schema, at.name, e.name, helper),
    // The helper check too: left NOT VALID (and enforced on writes) when VALIDATE failed half-way.
    down: [stmt(dropConstraintSql(schema, at.name, helper)), stmt(alterColumnSql(schema, at.name, e.name, 'DROP NOT NULL'))],
    hazards: [
      { kind: 'validation_scan', message: `checking that ${name} holds no NULL scans ${ctx.sizeOf(schema, at.name)}; reads and writes continue` },
      ...(backfill === undefined
        ? [{ kind: 'may_fail' as const, message: `fails while a row holds NULL in ${name}: decide the value for those rows (a \`backfill:\` in the expected schema fills them first)` }]
        : []),
    ],
  });
}

function planDefault(f: Of<'column_default_mismatch'>, ctx: PlanContext): void {
  const pair = columnsOf(f, ctx);
  if (!pair) return;
  const { e, a, at, name } = pair;
  if (converted(ctx, e, a, at) && defaultSettledByConversion(e, a)) return;
  const set = (d: string | null): string => alterColumnSql(f.object.schema, at.name, e.name, d === null ? 'DROP DEFAULT' : `SET DEFAULT ${d}`);
  const ownership = ensureColumnSequence(ctx, e.default, f.id, null);
  ctx.add({
    object: name,
    phase: 'alter_columns',
    findingIds: [f.id],
    summary: e.default === null ? `drop the default of ${name}` : `set the default of ${name} to ${e.default}`,
    up: [...ownership, stmt(set(e.default))],
    down: [stmt(set(a.default))],
    hazards: [],
  });
}

function identitySql(k: Column['identity']): string {
  return k === 'always' ? 'ALWAYS' : 'BY DEFAULT';
}

/** The sequence a `nextval('…')` default draws from, in `model` (ctx.expected or ctx.live), as the serial conversions need it. */
function serialSequence(
  lookup: PlanContext['expected'],
  defaultSql: string | null,
  owner: { schema: string; table: string; column: string },
): (SerialSequence & { readonly sequence: Sequence | undefined }) | null {
  const text = nextvalSequence(defaultSql);
  if (text === null) return null;
  const s = lookup.sequenceNamed(text);
  if (!s) {
    const q = splitQualified(text, 'public');
    return { schema: q.schema, name: q.name, options: [], owned: false, sequence: undefined };
  }
  const o = s.ownedBy;
  const owned = o !== null && o.schema === owner.schema && o.table === owner.table && o.column === owner.column;
  return { schema: s.schema, name: s.name, options: sequenceOptionsSql(modelSequenceOptions(s), true), owned, sequence: s };
}

/** The options of the identity sequence of an expected column, as ADD GENERATED … AS IDENTITY (…) writes them: only those not PostgreSQL's defaults. */
function identityOptions(lookup: PlanContext['expected'], schema: string, table: string, column: string): string[] {
  const s = lookup.model.sequences.find(
    (q) => q.identity && q.ownedBy?.schema === schema && q.ownedBy.table === table && q.ownedBy.column === column,
  );
  return s ? sequenceOptionsSql(specSequenceOptions(nonDefaultSequenceOptions(s)), false) : [];
}

/** True when only `column` of the live database draws from live sequence `s`, the column owns it, and no expected default draws from it. */
function onlyUser(ctx: PlanContext, s: SerialSequence & { readonly sequence: Sequence | undefined }, name: string): boolean {
  if (!s.owned || s.sequence === undefined) return false;
  const live = defaultsDrawingFrom(ctx.live.model, s);
  return live.length === 1 && live[0] === name && defaultsDrawingFrom(ctx.expected.model, s).length === 0;
}

/**
 * Identity kind changed; identity added to a plain or serial column, or
 * dropped from one (to plain or serial), keeping the sequence's current value.
 * A NOT NULL dropped with the identity is dropped here, after it (PostgreSQL
 * refuses to drop NOT NULL from an identity column).
 */
function planIdentity(f: Of<'column_identity_mismatch'>, ctx: PlanContext): void {
  const pair = columnsOf(f, ctx);
  if (!pair) return;
  const { e, a, at, name } = pair;
  const schema = f.object.schema;
  const alter = (action: string): string => alterColumnSql(schema, at.name, e.name, action);
  const owner = { schema, table: at.name, column: e.name };
  const step = { object: name, findingIds: [f.id] };
  const lock = { kind: 'long_lock' as const, message: `holds an ACCESS EXCLUSIVE lock on ${ctx.sizeOf(schema, at.name)} while it reads the largest ${quoteIdent(e.name)} and swaps the sequence` };
  if (e.identity !== null && a.identity !== null) {
    ctx.add({
      ...step,
      phase: 'alter_columns',
      summary: `make ${name} GENERATED ${identitySql(e.identity)} AS IDENTITY`,
      up: [stmt(alter(`SET GENERATED ${identitySql(e.identity)}`))],
      down: [stmt(alter(`SET GENERATED ${identitySql(a.identity)}`))],
      hazards: [],
    });
    return;
  }
  if (e.identity !== null && a.identity === null) {
    if (a.generated !== null) {
      ctx.manual(f, `${name} is a generated column: making it an identity column means dropping its expression first; decide how`);
      return;
    }
    // Plain (with or without a default) or serial: the default goes, the identity starts past every value and the old sequence's next value.
    const old = serialSequence(ctx.live, a.default, owner);
    const dropOld = old !== null && onlyUser(ctx, old, displayName(schema, at.name, e.name));
    const back = a.default === null ? null : old ?? null;
    ctx.add({
      ...step,
      phase: 'not_null',
      summary: `make ${name} an identity column${old ? ` (it drew from ${displayName(old.schema, old.name)})` : a.default !== null ? ` (dropping its default ${a.default})` : ''}`,
      up: [stmt(serialToIdentitySql(schema, at.name, e.name, e.identity, old, dropOld, identityOptions(ctx.expected, schema, at.name, e.name)))],
      down:
        back !== null
          ? [stmt(identityToSerialSql(schema, at.name, e.name, back, a.default!))]
          : [stmt(alter('DROP IDENTITY IF EXISTS')), ...(a.default === null ? [] : [stmt(alter(`SET DEFAULT ${a.default}`))])],
      hazards: [
        { kind: 'may_fail', message: `fails while ${name} is nullable or holds NULLs, or when a value lies outside the identity sequence's range` },
        lock,
        ...(dropOld
          ? [{ kind: 'rollback_data_loss' as const, message: `sequence ${displayName(old!.schema, old!.name)} is dropped; rolling back creates it again, set past the largest ${quoteIdent(e.name)} and the identity's next value` }]
          : []),
      ],
    });
    return;
  }
  if (e.identity === null && a.identity !== null) {
    const nullability = e.nullable && !a.nullable;
    const helper = notNullHelperName(at.name, e.name);
    const dropNotNull = nullability ? [stmt(alter('DROP NOT NULL'))] : [];
    const setNotNull = nullability ? setNotNullSafely(schema, at.name, e.name, helper) : [];
    const ids = nullability ? [f.id, findingId('column_nullability_mismatch', f.object)] : [f.id];
    const serial = serialSequence(ctx.expected, e.default, owner);
    if (serial !== null) {
      ensureColumnSequence(ctx, e.default, f.id, null);
      // Rolling back drops it when the plan made it: absent from the database, or there the identity's own sequence of that name.
      const live = ctx.live.sequenceNamed(qualifiedName(serial.schema, serial.name));
      const made = serial.owned && (live === undefined || (live.identity && live.ownedBy?.table === at.name && live.ownedBy.column === e.name));
      ctx.add({
        ...step,
        findingIds: ids,
        phase: 'alter_columns',
        summary: `make ${name} a serial column drawing from ${displayName(serial.schema, serial.name)}`,
        up: [stmt(identityToSerialSql(schema, at.name, e.name, serial, e.default!)), ...dropNotNull],
        down: [...setNotNull, stmt(serialToIdentitySql(schema, at.name, e.name, a.identity, serial, made, identityOptions(ctx.live, schema, at.name, e.name)))],
        hazards: [lock, { kind: 'may_fail', message: `fails when the identity's next value lies outside the range of ${displayName(serial.schema, serial.name)}` }],
      });
      return;
    }
    ctx.add({
      ...step,
      findingIds: ids,
      phase: 'alter_columns',
      summary: `drop the identity of ${name}`,
      up: [stmt(alter('DROP IDENTITY IF EXISTS')), ...dropNotNull, ...(e.default === null ? [] : [stmt(alter(`SET DEFAULT ${e.default}`))])],
      down: [
        ...(e.default === null ? [] : [stmt(alter('DROP DEFAULT'))]),
        ...setNotNull,
        stmt(addIdentityIfMissingSql(schema, at.name, e.name, a.identity)),
        stmt(syncColumnSequenceSql(schema, at.name, e.name)),
      ],
      hazards: [
        { kind: 'rollback_data_loss', message: `the identity's sequence is dropped with it; rolling back creates a new one, set past the largest ${quoteIdent(e.name)}` },
        ...(nullability ? [{ kind: 'may_fail' as const, message: `rolling back sets NOT NULL again, which fails once a NULL has been written to ${name}` }] : []),
      ],
    });
  }
}

/** The planners of the findings about a column present on both sides. */
export const COLUMN_ALTER_PLANNERS = {
  column_type_mismatch: planTypeChange,
  column_nullability_mismatch: planNullability,
  column_default_mismatch: planDefault,
  column_identity_mismatch: planIdentity,
  column_generated_mismatch: (f: Of<'column_generated_mismatch'>, ctx: PlanContext) => planGenerated(f, ctx, columnsOf(f, ctx)),
} as const;
