import pg from 'pg';
import { connectClient } from '../db/connect.js';
import { objectKey, qualifiedName, quoteIdent } from '../model/identifiers.js';
import type { CheckConstraint, Column, Index, SchemaModel, Table } from '../model/schema-model.js';
import { queryOne } from './scratch.js';

/**
 * PostgreSQL's deparsed text is not always a fixed point of parse → deparse:
 * `status IN ('a', 'b')` on a varchar column prints as
 * `(status)::text = ANY ((ARRAY['a'::character varying, ...])::text[])`, and
 * that text, parsed again (as it is when a spec bootstrapped by `snapshot` is
 * loaded), prints as `... ANY (ARRAY[('a'::character varying)::text, ...])`.
 * Same expression, different text.
 *
 * So when an expected and a live expression differ as text (a check, a
 * column default or generation expression, an index predicate, a policy's
 * USING or WITH CHECK), we ask the
 * scratch server holding the expected schema: each text is parsed and
 * deparsed once more on a temporary copy of the table, and if either side's
 * canonical text equals the other's, they are the same expression and the
 * live model takes the expected text. Everything else is left for the diff.
 * Runs only on mismatches, in one transaction that is rolled back, on the
 * scratch database's unprivileged connection, each text in one statement
 * sent alone.
 */
/** What an expression is to its table. */
export type ReconcileKind = 'check' | 'default' | 'generated' | 'where' | 'using' | 'withCheck';

/** One expression that differs as text: which, on which table (the expected one, to copy), and both texts. */
interface Work {
  readonly table: Table;
  readonly liveTable: Table;
  readonly kind: ReconcileKind;
  readonly name: string;
  readonly e: string;
  readonly a: string;
}

/** The expressions of tables on both sides that differ as text. */
function reconcileWork(expectedTables: ReadonlyMap<string, Table>, live: SchemaModel): Work[] {
  const work: Work[] = [];
  for (const a of live.tables) {
    const e = expectedTables.get(objectKey(a.schema, a.name));
    if (!e) continue;
    const eCols = new Map(e.columns.map((c) => [c.name, c]));
    for (const c of a.columns) {
      const ec = eCols.get(c.name);
      if (!ec) continue;
      if (ec.default !== null && c.default !== null && ec.default !== c.default) {
        work.push({ table: e, liveTable: a, kind: 'default', name: c.name, e: ec.default, a: c.default });
      }
      if (ec.generated && c.generated && ec.generated.expression !== c.generated.expression) {
        work.push({ table: e, liveTable: a, kind: 'generated', name: c.name, e: ec.generated.expression, a: c.generated.expression });
      }
    }
    const eChecks = new Map(e.constraints.filter((k): k is CheckConstraint => k.kind === 'check').map((k) => [k.name, k]));
    for (const k of a.constraints) {
      const ek = eChecks.get(k.name);
      if (k.kind === 'check' && ek && ek.expression !== k.expression) {
        work.push({ table: e, liveTable: a, kind: 'check', name: k.name, e: ek.expression, a: k.expression });
      }
    }
    const eIndexes = new Map(e.indexes.map((i) => [i.name, i]));
    for (const i of a.indexes) {
      const ei = eIndexes.get(i.name);
      if (ei && ei.where !== null && i.where !== null && ei.where !== i.where) {
        work.push({ table: e, liveTable: a, kind: 'where', name: i.name, e: ei.where, a: i.where });
      }
    }
    const ePolicies = new Map((e.policies ?? []).map((p) => [p.name, p]));
    for (const p of a.policies ?? []) {
      const ep = ePolicies.get(p.name);
      if (ep?.using != null && p.using !== null && ep.using !== p.using) work.push({ table: e, liveTable: a, kind: 'using', name: p.name, e: ep.using, a: p.using });
      if (ep?.check != null && p.check !== null && ep.check !== p.check) work.push({ table: e, liveTable: a, kind: 'withCheck', name: p.name, e: ep.check, a: p.check });
    }
  }
  return work;
}

/**
 * One answer of the scratch server: whether the live text `live` of an
 * expression (`kind` `name` of table `schema`.`table`) is the expected text
 * `expected`. Kept with a cached expected model (model-cache.ts), so that a
 * later audit against the same model can reconcile the same texts without a
 * scratch server.
 */
export interface ReconcileVerdict {
  readonly schema: string;
  readonly table: string;
  readonly kind: ReconcileKind;
  readonly name: string;
  readonly expected: string;
  readonly live: string;
  readonly same: boolean;
}

export const RECONCILE_KINDS: readonly ReconcileKind[] = ['check', 'default', 'generated', 'where', 'using', 'withCheck'];

/** The lookup key of a verdict (or of the work it answers). */
export function verdictKey(v: Pick<ReconcileVerdict, 'schema' | 'table' | 'kind' | 'name' | 'expected' | 'live'>): string {
  return JSON.stringify([v.schema, v.table, v.kind, v.name, v.expected, v.live]);
}

/**
 * {@link reconcileExpressions} from earlier verdicts alone, without a server:
 * the reconciled live model, or null when some expression that differs has
 * no verdict yet.
 */
export function reconcileFromVerdicts(expected: SchemaModel, live: SchemaModel, verdicts: readonly ReconcileVerdict[]): SchemaModel | null {
  const expectedTables = new Map(expected.tables.map((t) => [objectKey(t.schema, t.name), t]));
  const work = reconcileWork(expectedTables, live);
  if (work.length === 0) return live;
  const known = new Map(verdicts.map((v) => [verdictKey(v), v.same]));
  const same = new Set<string>();
  for (const w of work) {
    const answer = known.get(verdictKey({ schema: w.liveTable.schema, table: w.liveTable.name, kind: w.kind, name: w.name, expected: w.e, live: w.a }));
    if (answer === undefined) return null;
    if (answer) same.add(objectKey(w.liveTable.schema, w.liveTable.name, w.kind, w.name));
  }
  return same.size === 0 ? live : withExpectedTexts(live, expectedTables, same);
}

/** `record`: receives every verdict the server gave (for the cache). */
export async function reconcileExpressions(expected: SchemaModel, live: SchemaModel, scratchUrl: string, record?: ReconcileVerdict[]): Promise<SchemaModel> {
  const expectedTables = new Map(expected.tables.map((t) => [objectKey(t.schema, t.name), t]));
  const work = reconcileWork(expectedTables, live);
  if (work.length === 0) return live;

  const same = new Set<string>();
  const client = await connectClient(scratchUrl);
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('search_path', 'pg_catalog, public', true), set_config('timezone', 'UTC', true)`);
    let n = 0;
    for (const w of work) {
      const canon = async (text: string): Promise<string | null> => {
        const tmp = `sa_reconcile_${n++}`;
        await client.query('SAVEPOINT r');
        try {
          await queryOne(client, `CREATE TEMP TABLE ${tmp} (LIKE ${qualifiedName(w.table.schema, w.table.name)})`);
          const column = w.table.columns.find((c) => c.name === w.name);
          switch (w.kind) {
            case 'check':
              await queryOne(client, `ALTER TABLE ${tmp} ADD CONSTRAINT c CHECK (${text}) NOT VALID`);
              return (await client.query<{ d: string }>(
                `SELECT pg_get_expr(conbin, conrelid) AS d FROM pg_constraint WHERE conrelid = '${tmp}'::regclass AND conname = 'c'`,
              )).rows[0]?.d ?? null;
            case 'default':
              await queryOne(client, `ALTER TABLE ${tmp} ALTER COLUMN ${quoteIdent(w.name)} SET DEFAULT ${text}`);
              return attrExpr(client, tmp, w.name);
            case 'generated':
              await queryOne(client, `ALTER TABLE ${tmp} ADD COLUMN sa_generated ${typeOf(column)} GENERATED ALWAYS AS (${text}) STORED`);
              return attrExpr(client, tmp, 'sa_generated');
            case 'using':
            case 'withCheck': {
              await queryOne(client, `CREATE POLICY sa_p ON ${tmp} ${w.kind === 'using' ? 'USING' : 'WITH CHECK'} (${text})`);
              return (await client.query<{ d: string }>(
                `SELECT pg_get_expr(${w.kind === 'using' ? 'polqual' : 'polwithcheck'}, polrelid) AS d FROM pg_policy WHERE polrelid = '${tmp}'::regclass`,
              )).rows[0]?.d ?? null;
            }
            case 'where':
              await queryOne(client, `CREATE INDEX sa_idx ON ${tmp} ((1)) WHERE ${text}`);
              return (await client.query<{ d: string }>(
                `SELECT pg_get_expr(indpred, indrelid, true) AS d FROM pg_index WHERE indexrelid = 'sa_idx'::regclass`,
              )).rows[0]?.d ?? null;
          }
        } catch {
          return null;
        } finally {
          await client.query('ROLLBACK TO SAVEPOINT r');
        }
      };
      const ca = await canon(w.a);
      const ce = await canon(w.e);
      const isSame = (ca !== null && (ca === w.e || ca === ce)) || (ce !== null && ce === w.a);
      if (isSame) same.add(objectKey(w.liveTable.schema, w.liveTable.name, w.kind, w.name));
      record?.push({ schema: w.liveTable.schema, table: w.liveTable.name, kind: w.kind, name: w.name, expected: w.e, live: w.a, same: isSame });
    }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
  return same.size === 0 ? live : withExpectedTexts(live, expectedTables, same);
}

/** The live model, each expression found the same (`same`: keys of table, kind and name) taking the expected text. */
function withExpectedTexts(live: SchemaModel, expectedTables: ReadonlyMap<string, Table>, same: ReadonlySet<string>): SchemaModel {
  const key = (t: Table, kind: string, name: string): string => objectKey(t.schema, t.name, kind, name);
  return {
    ...live,
    tables: live.tables.map((a) => {
      const e = expectedTables.get(objectKey(a.schema, a.name));
      if (!e) return a;
      const eCols = new Map(e.columns.map((c) => [c.name, c]));
      const eChecks = new Map(e.constraints.map((k) => [k.name, k]));
      const eIndexes = new Map(e.indexes.map((i) => [i.name, i]));
      return {
        ...a,
        columns: a.columns.map((c): Column => {
          const ec = eCols.get(c.name);
          let out = c;
          if (ec && same.has(key(a, 'default', c.name))) out = { ...out, default: ec.default };
          if (ec?.generated && out.generated && same.has(key(a, 'generated', c.name))) {
            out = { ...out, generated: { ...out.generated, expression: ec.generated.expression } };
          }
          return out;
        }),
        constraints: a.constraints.map((k) => {
          const ek = eChecks.get(k.name);
          if (k.kind !== 'check' || ek?.kind !== 'check' || !same.has(key(a, 'check', k.name))) return k;
          return { ...k, expression: ek.expression, definition: ek.definition };
        }),
        indexes: a.indexes.map((i): Index => {
          const ei = eIndexes.get(i.name);
          return ei && same.has(key(a, 'where', i.name)) ? { ...i, where: ei.where } : i;
        }),
        ...(a.policies
          ? {
              policies: a.policies.map((p) => {
                const ep = (e.policies ?? []).find((x) => x.name === p.name);
                if (!ep) return p;
                return {
                  ...p,
                  ...(same.has(key(a, 'using', p.name)) ? { using: ep.using } : {}),
                  ...(same.has(key(a, 'withCheck', p.name)) ? { check: ep.check } : {}),
                };
              }),
            }
          : {}),
      };
    }),
  };
}

function typeOf(column: Column | undefined): string {
  return column?.type ?? 'text';
}

async function attrExpr(client: pg.Client, table: string, column: string): Promise<string | null> {
  const { rows } = await client.query<{ d: string }>(
    `SELECT pg_get_expr(d.adbin, d.adrelid) AS d FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
      WHERE d.adrelid = '${table}'::regclass AND a.attname = $1`,
    [column],
  );
  return rows[0]?.d ?? null;
}
