/**
 * What a kind of database object supplies, in its folder `src/kinds/<kind>/`,
 * to every stage of the pipeline. The registry (registry.ts) lists the kinds
 * in dependency order; each stage walks it and keeps only what crosses kinds
 * (the plan's phases, the report's layout, the introspector's transaction).
 *
 * A kind is either top level (a section of the model: `schemas`, `enums`,
 * `tables`, ...) or a member of a container kind (a table's columns, indexes,
 * constraints, triggers), which its container compares, plans and renders
 * by calling the member kind's own functions.
 */
import type { Comparison, Finding, FindingObject, Severity } from '../findings/finding.js';
import type { KindCatalog } from '../introspect/postgres/kind-catalog.js';
import type { SchemaModel } from '../model/schema-model.js';
import type { DdlContext, DdlPhase, DdlStatement } from '../spec-file/ddl-context.js';
import type { KindPlan } from '../plan/kind-plan.js';
import type { SpecSection } from '../spec-file/spec-section.js';
/** How reports name one object of a kind, and several. */
export interface Noun {
    readonly one: string;
    readonly many: string;
}
/**
 * What a finding says about its object: the expected object is not in the
 * database (`missing`), a database object is not in the expected schema
 * (`unexpected`), or the object is in both and differs (`mismatch`).
 */
export type FindingEffect = 'missing' | 'unexpected' | 'mismatch';
/** One finding kind: its default severity, what it says, and how reports count it. */
export interface FindingDefinition<F extends Finding = Finding> {
    /** Default severity (the spec's `severity:` overrides it per kind). */
    readonly severity: Severity;
    readonly effect: FindingEffect;
    /** For sentences that count findings: `1 column type difference`, `3 missing columns`. */
    readonly noun: Noun;
    /**
     * The aspects of the object that differ, as the finding's message names
     * them (`keys`, `onDelete`), computed from its expected and actual values
     * (so a report read back from JSON gives the same list); empty for
     * `missing` and `unexpected`, which are about the whole object.
     */
    aspects(expected: F['expected'], actual: F['actual']): readonly string[];
}
/** The aspects of a `missing` or `unexpected` finding: none, it is about the whole object. */
export declare function wholeObject(): readonly string[];
/**
 * How the reports word one finding kind (src/kinds/<kind>/words.ts). Methods,
 * not function-valued fields, so that a kind's words, typed by its findings'
 * `expected` and `actual`, still fit the registry's `ObjectKind` (as
 * `aspects` does).
 */
export interface FindingWords<F extends Finding = Finding> {
    /** What one finding is about, for sentences that count them: `Missing: 2 enum values`. */
    readonly subject: Noun;
    /**
     * The Finding cell of the markdown report's Other Drift table, in Markdown
     * (escaped; the table escapes pipes): what differs, the database's side
     * first, then what was expected. `aspects` are the finding's (see
     * {@link FindingDefinition.aspects}). Null for the finding kinds the
     * markdown report lists in sections of their own (missing tables, columns
     * and indexes), never under Other Drift.
     */
    otherDriftCell(finding: F, aspects: readonly string[]): string | null;
}
/** The words of each of a kind's finding kinds: a forgotten one fails to compile. */
export type FindingWordsOf<F extends Finding> = {
    readonly [K in F['kind']]: FindingWords<Extract<F, {
        kind: K;
    }>>;
};
/** A kind's finding kinds, each defined: a forgotten one fails to compile. */
export type FindingDefinitions<F extends Finding> = {
    readonly [K in F['kind']]: FindingDefinition<Extract<F, {
        kind: K;
    }>>;
};
/** Where the objects of a kind live in the model. */
export type Placement = 
/** A section of {@link SchemaModel}. */
{
    readonly section: keyof SchemaModel;
}
/** A member list of each object of a container kind (a table's `columns`). */
 | {
    readonly container: string;
    readonly list: string;
}
/** No objects of its own: a kind about the objects of the other kinds (comments). */
 | {
    readonly across: 'kinds';
};
/** Only objects in the audited schemas are compared. */
export type InScope = (schema: string) => boolean;
/**
 * `F`: the findings of the kind itself; `C`: those its comparison yields,
 * which for a container include its members' (a table's columns...).
 */
export interface ObjectKind<F extends Finding = Finding, C extends Finding = F> {
    /** The kind's name, as `PresentObject.kind` and messages use it: `table`, `column`, `enum`. */
    readonly name: string;
    readonly noun: Noun;
    readonly placement: Placement;
    /** The {@link FindingObject} field that names one object of this kind, or null when no finding names one. */
    readonly objectField: keyof FindingObject | null;
    /** The finding kinds this kind reports, in report order; `{}` for a kind not compared. */
    readonly findings: FindingDefinitions<F>;
    /**
     * Compare the kind's section of both models, objects in scope only (top
     * level kinds; a member kind is compared by its container). Null for a
     * kind that is listed but not compared.
     */
    readonly compare: ((expected: SchemaModel, actual: SchemaModel, inScope: InScope) => Comparison<C>) | null;
    /**
     * The text report lists this kind's missing objects in a section of their
     * own (`Missing columns`); other findings go under `Other drift`.
     */
    readonly listsMissingApart: boolean;
    /**
     * Its statements in the DDL a spec (or a model, through its spec) becomes,
     * by phase (see DDL_PHASES): `specToDdl` runs the phases in order, the
     * kinds in registry order within each. Null for a kind with no statement
     * of its own (columns are written by their table; the spec holds no
     * triggers or views yet).
     */
    readonly ddl: KindDdl | null;
    /** The kind's part of the remediation plan: a planner for each of its finding kinds, and its passes (src/plan/kind-plan.ts). */
    readonly plan: KindPlan<F>;
    /**
     * How the reports word each of the kind's finding kinds (its words.ts;
     * `{}` for a kind not compared). Apart from {@link findings} because the
     * words are typed by the findings (findings.ts) and render with the
     * markdown primitives, which findings.ts should not import.
     */
    readonly words: FindingWordsOf<F>;
    /**
     * The kind's section of the expected-schema spec file (its `spec.ts`):
     * node types, JSON Schema, checks of meaning, from-model and YAML layout.
     * Null for a member kind, whose pieces its container's section calls, and
     * for a kind the spec does not describe yet.
     */
    readonly spec: SpecSection | null;
    /**
     * How the kind is read from the PostgreSQL catalog (its `catalog.ts`): a
     * top-level kind's section, a container's rows, or a member's rows, which
     * its container reads after its own (see kind-catalog.ts).
     */
    readonly catalog: KindCatalog;
    /**
     * The kind's objects that carry a COMMENT, in a model (containers list
     * their members' too, or the member kind lists them): the comment kind
     * (src/kinds/comment/) compares the comments of objects present on both
     * sides and plans COMMENT ON. Absent for a kind without comments.
     */
    readonly comments?: (model: SchemaModel) => Iterable<CommentedObject>;
}
/** An object that can carry a COMMENT, as the comment kind compares it. */
export interface CommentedObject {
    /** Unique across kinds: `<kind name>:` and the object's key (objectKey of its name parts). */
    readonly key: string;
    /** The object's kind name (`table`, `column`, `function`...). */
    readonly kind: string;
    /** What a finding about its comment names. */
    readonly object: FindingObject;
    /** What follows COMMENT ON, quoted: `TABLE public.t`, `COLUMN public.t.c`, `FUNCTION public.f(integer)`, `CONSTRAINT c ON public.t`. */
    readonly target: string;
    readonly comment: string | null;
}
/** A kind's DDL statements, by phase. */
export type KindDdl = {
    readonly [P in DdlPhase]?: (context: DdlContext) => readonly DdlStatement[];
};
