import type { Domain, EnumType, SchemaModel, Sequence, Table } from '../model/schema-model.js';
import type { Hazard, PlanSettings, PlanStep } from './types.js';
/** A step as a kind adds it: `object` names it, and the orchestrator makes its id (`<phase>:<object>`). */
export type NewStep = Omit<PlanStep, 'id'> & {
    readonly object: string;
};
/** `about 5,000 rows`, `no rows`, `size unknown: never analysed`. */
export declare function rowsText(rows: number | null | undefined): string;
/** Lookups over one model, built once per plan. */
export declare class ModelLookup {
    readonly model: SchemaModel;
    /** Schemas that hold something: listed ones, and those of tables and enums. */
    readonly schemas: ReadonlySet<string>;
    /** Extension names. */
    readonly extensions: ReadonlySet<string>;
    private readonly tables;
    private readonly enums;
    private readonly sequences;
    /** Keys of the types a column can name besides built-in ones: domains and enums. */
    private readonly types;
    private readonly domainsByName;
    private readonly sequencesByName;
    constructor(model: SchemaModel);
    table(schema: string, name: string): Table | undefined;
    enum(schema: string, name: string): EnumType | undefined;
    hasSequence(schema: string, name: string): boolean;
    /** True when a domain or an enum of that name exists. */
    hasType(schema: string, name: string): boolean;
    /** The domain a column type names (`year`, `billing.money_amount`), array brackets removed. */
    domainNamed(typeText: string): Domain | undefined;
    /** The sequence a `nextval('…')` default names, written as in the default (`leads_id_seq`, `public.leads_id_seq`). */
    sequenceNamed(text: string): Sequence | undefined;
    /** The non-identity sequences owned by columns of table `t` (a serial column's: dropped with it), or of its column `column`. */
    ownedSequences(t: {
        readonly schema: string;
        readonly name: string;
    }, column?: string): Sequence[];
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
    readonly expected: ModelLookup;
    /** The audited database. */
    readonly live: ModelLookup;
    /** Schemas a name in the model can be qualified by (see objectNameSql): the database's and the expected schema's. */
    readonly knownSchemas: ReadonlySet<string>;
    /** Add a step; its finding ids count as fixed. */
    add(step: NewStep): void;
    /** A finding a person must decide about: why no SQL is generated, SQL to start from (never run), the hazards. */
    manual(finding: {
        readonly id: string;
    }, reason: string, suggestion?: readonly string[], hazards?: readonly Hazard[]): void;
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
export declare function planLookups(expected: SchemaModel, live: SchemaModel): Pick<PlanContext, 'expected' | 'live' | 'knownSchemas' | 'sizeOf'>;
