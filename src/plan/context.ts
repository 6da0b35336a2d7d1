/**
 * What the kinds' plan functions (src/kinds/<kind>/plan*.ts) see of the plan
 * being built: its settings, lookups over both models (built once per
 * plan), and where steps go. The orchestrator (plan.ts) makes one context
 * per plan and keeps what crosses kinds (phases, passes, step ids); a kind
 * imports this module, never the orchestrator or the registry.
 */
import { displayName, objectKey, qualifiedName, quoteIdent } from '../model/identifiers.js';
import type { Domain, EnumType, SchemaModel, Sequence, Table } from '../model/schema-model.js';
import type { Hazard, PlanSettings, PlanStep } from './types.js';

/** A step as a kind adds it: `object` names it, and the orchestrator makes its id (`<phase>:<object>`). */
export type NewStep = Omit<PlanStep, 'id'> & { readonly object: string };

/** `about 5,000 rows`, `no rows`, `size unknown: never analysed`. */
export function rowsText(rows: number | null | undefined): string {
  if (rows === null || rows === undefined || rows < 0) return 'size unknown: never analysed';
  if (rows === 0) return 'empty, as last analysed';
  return `about ${Math.round(rows).toLocaleString('en-US')} rows`;
}

/** How SQL text names an object of the model: unqualified in `public` (the search path the model was deparsed with). */
function sqlName(schema: string, name: string): string {
  return schema === 'public' ? quoteIdent(name) : qualifiedName(schema, name);
}

/** Lookups over one model, built once per plan. */
export class ModelLookup {
  /** Schemas that hold something: listed ones, and those of tables and enums. */
  readonly schemas: ReadonlySet<string>;
  /** Extension names. */
  readonly extensions: ReadonlySet<string>;
  private readonly tables: ReadonlyMap<string, Table>;
  private readonly enums: ReadonlyMap<string, EnumType>;
  private readonly sequences: ReadonlyMap<string, Sequence>;
  /** Keys of the types a column can name besides built-in ones: domains and enums. */
  private readonly types: ReadonlySet<string>;
  private readonly domainsByName: ReadonlyMap<string, Domain>;
  private readonly sequencesByName: ReadonlyMap<string, Sequence>;

  constructor(readonly model: SchemaModel) {
    this.schemas = new Set([...model.schemas.map((s) => s.name), ...model.tables.map((t) => t.schema), ...model.enums.map((e) => e.schema)]);
    this.extensions = new Set(model.extensions.map((e) => e.name));
    this.tables = new Map(model.tables.map((t) => [objectKey(t.schema, t.name), t]));
    this.enums = new Map(model.enums.map((e) => [objectKey(e.schema, e.name), e]));
    this.sequences = new Map(model.sequences.map((s) => [objectKey(s.schema, s.name), s]));
    this.types = new Set([...model.domains, ...model.enums].map((d) => objectKey(d.schema, d.name)));
    this.domainsByName = new Map(model.domains.map((d) => [sqlName(d.schema, d.name), d]));
    const sequencesByName = new Map<string, Sequence>();
    for (const s of model.sequences) {
      sequencesByName.set(sqlName(s.schema, s.name), s);
      sequencesByName.set(qualifiedName(s.schema, s.name), s);
    }
    this.sequencesByName = sequencesByName;
  }

  table(schema: string, name: string): Table | undefined {
    return this.tables.get(objectKey(schema, name));
  }

  enum(schema: string, name: string): EnumType | undefined {
    return this.enums.get(objectKey(schema, name));
  }

  hasSequence(schema: string, name: string): boolean {
    return this.sequences.has(objectKey(schema, name));
  }

  /** True when a domain or an enum of that name exists. */
  hasType(schema: string, name: string): boolean {
    return this.types.has(objectKey(schema, name));
  }

  /** The domain a column type names (`year`, `billing.money_amount`), array brackets removed. */
  domainNamed(typeText: string): Domain | undefined {
    return this.domainsByName.get(typeText.replace(/(\[\])+$/, ''));
  }

  /** The sequence a `nextval('…')` default names, written as in the default (`leads_id_seq`, `public.leads_id_seq`). */
  sequenceNamed(text: string): Sequence | undefined {
    return this.sequencesByName.get(text);
  }

  /** The non-identity sequences owned by columns of table `t` (a serial column's: dropped with it), or of its column `column`. */
  ownedSequences(t: { readonly schema: string; readonly name: string }, column?: string): Sequence[] {
    return this.model.sequences.filter(
      (q) => !q.identity && q.ownedBy?.schema === t.schema && q.ownedBy.table === t.name && (column === undefined || q.ownedBy.column === column),
    );
  }
}

/**
 * The plan being built, as a kind's plan functions use it. Steps go in
 * through `add` in the order a phase runs them; the orchestrator sorts them
 * by phase only, so the order of the calls is the order within a phase.
 */
export interface PlanContext {
  readonly settings: PlanSettings;
  /** The spec's `backfill:` expressions, by `backfillKey(schema, table, column)`. */
  readonly backfills: ReadonlyMap<string, string>;
  /** The major version of the server the plan is for; undefined: unknown (see PlanOptions). */
  readonly serverMajor: number | undefined;
  readonly expected: ModelLookup;
  /** The audited database. */
  readonly live: ModelLookup;
  /** The audited server's roles, or null when unknown (see PlanOptions.liveRoles). */
  readonly liveRoles: ReadonlySet<string> | null;
  /** Schemas a name in the model can be qualified by (see objectNameSql): the database's and the expected schema's. */
  readonly knownSchemas: ReadonlySet<string>;
  /** Add a step; its finding ids count as fixed. */
  add(step: NewStep): void;
  /** A finding a person must decide about: why no SQL is generated, SQL to start from (never run), the hazards. */
  manual(finding: { readonly id: string }, reason: string, suggestion?: readonly string[], hazards?: readonly Hazard[]): void;
  /** An unexpected object left in place (no `--drop-unexpected`). */
  keep(findingId: string): void;
  /**
   * True the first time it is asked about `what` in this plan: for what new
   * objects need made once whoever needs it first (a schema, a domain, the
   * sequence of a serial column).
   */
  firstTime(what: string): boolean;
  /** `public.leads (about 5,000 rows)`: a live table and its row estimate, for hazards. */
  sizeOf(schema: string, table: string): string;
}

/** The context's lookups, built once from the plan's input. */
export function planLookups(expected: SchemaModel, live: SchemaModel): Pick<PlanContext, 'expected' | 'live' | 'knownSchemas' | 'sizeOf'> {
  const e = new ModelLookup(expected);
  const l = new ModelLookup(live);
  const knownSchemas = new Set([...l.schemas, ...expected.schemas.map((s) => s.name), ...expected.tables.map((t) => t.schema)]);
  return {
    expected: e,
    live: l,
    knownSchemas,
    sizeOf: (schema, table) => `${displayName(schema, table)} (${rowsText(l.table(schema, table)?.rowEstimate)})`,
  };
}
