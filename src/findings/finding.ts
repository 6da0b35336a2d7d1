/**
 * The vocabulary every finding shares, drift (the diff engine, one kind of
 * object at a time: src/kinds) and advice (src/advice) alike: severities,
 * the object a finding is about, the finding itself, its id. Plain,
 * JSON-safe data. This module imports nothing of the kinds or the stages,
 * so every one of them can import it.
 */
import { displayName } from '../model/identifiers.js';
import { compareText } from '../model/sort.js';

/** Severities, most severe first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** How much a finding matters; each finding kind has a default (src/kinds/<kind>/findings.ts). */
export type Severity = (typeof SEVERITIES)[number];

/** True when `value` is a known severity (for validating configuration). */
export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Larger is more severe: what `--fail-on` compares. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

/**
 * `drift`: the live schema differs from the expected one (the diff engine).
 * `advice`: a DBA's review of the live schema (src/advice), never drift.
 */
export type FindingCategory = 'drift' | 'advice';

/**
 * The object a finding is about. Names are stored unquoted, as in the model.
 * `schema`, then the field of the kind that names the object (see each
 * kind's `objectField` in src/kinds): a container (`table`, `enum`, `view`) and at
 * most one member of it (`column`, `index`, `constraint` of a table; `value`,
 * a label, of an enum).
 */
export interface FindingObject {
  readonly schema: string;
  readonly table?: string;
  readonly column?: string;
  readonly index?: string;
  readonly constraint?: string;
  readonly trigger?: string;
  /** A row-level security policy of a table. */
  readonly policy?: string;
  readonly enum?: string;
  readonly domain?: string;
  /** A collation (CREATE COLLATION). */
  readonly collation?: string;
  /** A composite or range type. */
  readonly type?: string;
  readonly sequence?: string;
  /** A view or materialized view (its indexes name `index` too). */
  readonly view?: string;
  /** An event trigger (database-wide: `schema` is its function's). */
  readonly eventTrigger?: string;
  /** An enum label, for `enum_value_*` findings. */
  readonly value?: string;
  /** An extension (database-wide: `schema` is the one its objects are in). */
  readonly extension?: string;
  /**
   * The kind of the object (`table`, `column`, `index`...), for the finding
   * kinds about objects of any kind (`comment_mismatch`): part of the
   * finding's id, since an index and a constraint, say, may share a name.
   */
  readonly kind?: string;
  /** A function, procedure or aggregate, by name; its overload by `arguments`. */
  readonly function?: string;
  /**
   * The argument types of the `function` (`integer, text`): which overload.
   * Not a name part: ids and display names add it in parentheses.
   */
  readonly arguments?: string;
}

/**
 * One difference between the expected and the actual schema (category
 * `drift`), or one piece of DBA advice on the live schema (category
 * `advice`). Each kind of object types its own findings: `K` is the finding
 * kind, `E` and `A` what `expected` and `actual` hold for it (see the
 * `*Finding` types of src/kinds/<kind>/findings.ts).
 */
export interface Finding<K extends string = string, E = unknown, A = unknown> {
  /**
   * Stable, unique within a result: `<kind>:<display name of the object>`,
   * e.g. `missing_column:public.leads.score` (names quoted as PostgreSQL
   * needs, so the id is unambiguous).
   */
  readonly id: string;
  readonly kind: K;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly object: FindingObject;
  /** The expected value or object (JSON-safe); null when the object should not exist. */
  readonly expected: E;
  /** The actual value or object (JSON-safe); null when the object does not exist. */
  readonly actual: A;
  /** One line, e.g. `column public.leads.score is missing (expected integer, nullable)`. */
  readonly message: string;
}

/** A finding before its id, category and severity are attached: what a kind's comparison yields. */
export type DraftFinding<F extends Finding = Finding> = F extends Finding
  ? { readonly kind: F['kind']; readonly object: FindingObject; readonly expected: F['expected']; readonly actual: F['actual']; readonly message: string }
  : never;

/** A model object as a `missing_*` finding holds it: with its comment as `description` too. */
export type Described<T> = T & { readonly description: string | null };

/**
 * An expected object that exists in the actual schema, whether or not all
 * its attributes match ("first_name and last_name already exist").
 */
export interface PresentObject {
  /** The name of the object's kind (`table`, `column`, `enum`...). */
  readonly kind: string;
  readonly object: FindingObject;
  /** The expected object's description (today: its comment), when it has one. */
  readonly description?: string;
  /**
   * True when no drift was found on the object itself (for a table: on the
   * table or anything in it; for an enum: on its values). Computed before
   * ignore rules apply, so it describes the database, not the policy.
   */
  readonly identical: boolean;
}

/** What one comparison step yields: drafts of findings, and the expected objects found. */
export interface Comparison<F extends Finding = Finding> {
  readonly findings: DraftFinding<F>[];
  readonly present: PresentObject[];
}

/** Counts of findings by severity. */
export interface DiffSummary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly total: number;
}

export function summarize(findings: readonly { readonly severity: Severity }[]): DiffSummary {
  let error = 0;
  let warning = 0;
  let info = 0;
  for (const f of findings) {
    if (f.severity === 'error') error++;
    else if (f.severity === 'warning') warning++;
    else info++;
  }
  return { error, warning, info, total: findings.length };
}

/** Fields of {@link FindingObject} that name a top-level object (a container of members or not), in report order: types, collations, sequences, functions, tables, views, event triggers, extensions. */
export const CONTAINER_FIELDS = ['enum', 'domain', 'type', 'collation', 'sequence', 'function', 'table', 'view', 'eventTrigger', 'extension'] as const;

/** Fields of {@link FindingObject} that name a member of a container, in report order within a container. */
export const MEMBER_FIELDS = ['column', 'value', 'index', 'constraint', 'trigger', 'policy'] as const;

function containerOf(object: FindingObject): { rank: number; name: string } | null {
  for (let rank = 0; rank < CONTAINER_FIELDS.length; rank++) {
    const name = object[CONTAINER_FIELDS[rank]!];
    if (name !== undefined) return { rank, name };
  }
  return null;
}

/** The member an object is (rank 1 and up, by MEMBER_FIELDS), or rank 0 for the container itself. */
function memberOf(object: FindingObject): { rank: number; name: string } {
  for (let k = 0; k < MEMBER_FIELDS.length; k++) {
    const name = object[MEMBER_FIELDS[k]!];
    if (name !== undefined) return { rank: k + 1, name };
  }
  return { rank: 0, name: '' };
}

/** The object's name parts, outermost first: `[schema, table, column]`, `[schema, enum, value]`. */
export function objectPath(object: FindingObject): string[] {
  const parts = [object.schema];
  const container = containerOf(object);
  if (container !== null) parts.push(container.name);
  const member = memberOf(object);
  if (member.rank > 0) parts.push(member.name);
  return parts;
}

/**
 * The display name of a finding's object: `public.leads.score`,
 * `public."Odd|Name"`, and for a function its overload's identity arguments
 * too: `public.total(integer, text)`.
 */
export function objectDisplayName(object: FindingObject): string {
  const name = displayName(...objectPath(object));
  return object.arguments === undefined ? name : `${name}(${object.arguments})`;
}

/**
 * `<kind>:<display name>`, e.g. `missing_column:public.leads.score`,
 * `missing_function:public.total(integer)`; with the object's kind when the
 * object names it: `comment_mismatch:index:public.leads.idx`; the database
 * itself is `privilege_missing:database`.
 */
export function findingId(kind: string, object: FindingObject): string {
  // The database itself has no name here (it differs between servers): `privilege_missing:database`.
  if (object.kind === 'database') return `${kind}:database`;
  return `${kind}:${object.kind === undefined ? '' : `${object.kind}:`}${objectDisplayName(object)}`;
}

/**
 * Report order of objects: by schema, then container (enums before tables,
 * each by name), then the container itself before its members (columns,
 * indexes, constraints, each group by name). Code-unit order throughout,
 * never the database's collation.
 */
export function compareFindingObjects(x: FindingObject, y: FindingObject): number {
  const cx = containerOf(x);
  const cy = containerOf(y);
  const mx = memberOf(x);
  const my = memberOf(y);
  return (
    compareText(x.schema, y.schema) ||
    (cx?.rank ?? -1) - (cy?.rank ?? -1) ||
    compareText(cx?.name ?? '', cy?.name ?? '') ||
    compareText(x.arguments ?? '', y.arguments ?? '') ||
    mx.rank - my.rank ||
    compareText(mx.name, my.name)
  );
}
