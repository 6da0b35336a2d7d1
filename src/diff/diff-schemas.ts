/**
 * The diff engine: compare the expected schema model with the actual one.
 * Pure: no I/O, no database, no clock; the same inputs give the same output,
 * whatever the order of the input lists.
 *
 * Algorithm
 * 1. Each top-level kind of the registry that is compared (enums, tables)
 *    compares its section of both models, objects in scope only, and yields
 *    drafts of findings (a container kind includes its members': a table's
 *    columns, constraints, indexes) and the expected objects it found.
 * 2. The drafts are sorted into report order (by object, then finding
 *    kind), given ids and severities, and those an ignore rule matches are
 *    set aside.
 */
import { InvalidSpecError } from '../errors.js';
import {
  compareFindingObjects,
  findingId,
  isSeverity,
  objectPath,
  summarize,
  type Comparison,
  type DiffSummary,
  type DraftFinding,
  type PresentObject,
  type Severity,
} from '../findings/finding.js';
import { FINDING_KIND_RANK, isFindingKind, severityOf, type DriftFinding, type FindingKind } from '../findings/kinds.js';
import { KINDS } from '../kinds/registry.js';
import { governPrivileges, type PrivilegeGovernance } from '../kinds/privilege/govern.js';
import type { SchemaModel } from '../model/schema-model.js';
import { compareText } from '../model/sort.js';
import { compileIgnoreRules, findIgnoreRule, type IgnoreRule } from './ignore.js';

/** A finding an ignore rule suppressed. */
export interface IgnoredFinding {
  /** The first rule (in the given order) that matched. */
  readonly rule: IgnoreRule;
  readonly findingId: string;
}

/** The result of `diffSchemas`. All lists are deterministically ordered. */
export interface DiffResult {
  /** Sorted by schema, container (enums before tables), member, kind. */
  readonly findings: readonly DriftFinding[];
  /** Expected objects that exist in the actual schema, in the same order. */
  readonly present: readonly PresentObject[];
  /** Suppressed findings, in the order they would have been reported. */
  readonly ignored: readonly IgnoredFinding[];
  /** Counts of the returned (not ignored) findings. */
  readonly summary: DiffSummary;
}

/** Options for `diffSchemas`. */
export interface DiffOptions {
  /** Per-kind severity overrides of `DEFAULT_SEVERITY`. */
  readonly severity?: Partial<Record<FindingKind, Severity>>;
  /** Findings to suppress (first matching rule wins). */
  readonly ignore?: readonly IgnoreRule[];
  /** Compare only objects in these schemas (both sides). Default: `auditScope(expected)`. */
  readonly schemas?: readonly string[];
  /**
   * The roles whose privileges and ownerships are compared (src/kinds/privilege/govern.ts);
   * absent or without roles: none are.
   */
  readonly privileges?: PrivilegeGovernance;
  /** Leave these schemas out of the comparison (`--exclude-schema`). */
  readonly excludeSchemas?: readonly string[];
}

/**
 * The schemas an audit covers: the ones given (`--schema`), else those of
 * the expected model: its `schemas` list, and the schemas of the objects of
 * every kind the diff compares. Advice and --verify use the same scope.
 */
export function auditScope(expected: SchemaModel, schemas?: readonly string[], excludeSchemas: readonly string[] = []): readonly string[] {
  const without = (names: Iterable<string>): string[] => [...new Set(names)].filter((s) => !excludeSchemas.includes(s));
  if (schemas !== undefined) return without(schemas);
  const out = new Set(expected.schemas.map((s) => s.name));
  for (const kind of KINDS) {
    if (kind.compare === null || !('section' in kind.placement)) continue;
    for (const object of expected[kind.placement.section] as readonly { readonly schema?: string }[]) {
      if (object.schema !== undefined && object.schema !== '') out.add(object.schema); // '': the database, a role
    }
  }
  return without(out);
}

/**
 * Compare `expected` with `actual` and report the drift (see the module
 * comment). Renames are never guessed: a renamed column is one missing and
 * one unexpected column.
 *
 * Throws an `InvalidSpecError` when an ignore rule or a severity override
 * is invalid.
 */
export function diffSchemas(expected: SchemaModel, actual: SchemaModel, options: DiffOptions = {}): DiffResult {
  const rules = compileIgnoreRules(options.ignore ?? []);
  validateSeverities(options.severity);
  const scope = new Set(auditScope(expected, options.schemas, options.excludeSchemas));
  const inScope = (schema: string): boolean => scope.has(schema);

  const drafts: DraftFinding[] = [];
  const present: PresentObject[] = [];
  // Loops, not push(...list): spreading a list of 100k+ entries can overflow the stack.
  const collect = (c: Comparison): void => {
    for (const f of c.findings) drafts.push(f);
    for (const p of c.present) present.push(p);
  };
  // Privileges and owners: only the governed roles', the expected side's names mapped to the live ones.
  const governed = governPrivileges(expected, actual, options.privileges);
  for (const kind of KINDS) if (kind.compare !== null) collect(kind.compare(governed.expected, governed.live, inScope));

  const findings: DriftFinding[] = [];
  const ignored: IgnoredFinding[] = [];
  for (const draft of drafts.sort(compareDrafts)) {
    // Every draft comes from a registered kind's comparison: its kind is a FindingKind.
    const kind = draft.kind as FindingKind;
    const id = findingId(kind, draft.object);
    const rule = findIgnoreRule(rules, kind, objectPath(draft.object));
    if (rule !== undefined) {
      ignored.push({ rule, findingId: id });
      continue;
    }
    findings.push({
      id,
      kind,
      category: 'drift',
      severity: severityOf(kind, options.severity),
      object: draft.object,
      expected: draft.expected,
      actual: draft.actual,
      message: draft.message,
    } as DriftFinding);
  }
  return { findings, present: present.sort(comparePresent), ignored, summary: summarize(findings) };
}

function validateSeverities(overrides: DiffOptions['severity']): void {
  if (overrides === undefined) return;
  for (const [kind, severity] of Object.entries(overrides)) {
    if (!isFindingKind(kind)) throw new InvalidSpecError(`unknown finding kind ${JSON.stringify(kind)} in severity overrides`);
    if (severity === undefined) continue; // Partial<>: an absent override
    if (typeof severity !== 'string' || !isSeverity(severity)) {
      throw new InvalidSpecError(`invalid severity ${JSON.stringify(severity)} for ${kind}: expected error, warning or info`);
    }
  }
}

function compareDrafts(x: DraftFinding, y: DraftFinding): number {
  return (
    compareFindingObjects(x.object, y.object) ||
    (FINDING_KIND_RANK.get(x.kind) ?? 0) - (FINDING_KIND_RANK.get(y.kind) ?? 0) ||
    compareText(findingId(x.kind, x.object), findingId(y.kind, y.object))
  );
}

/** Present objects of one place: by the registry order of their kinds. */
const KIND_RANK = new Map<string, number>(KINDS.map((k, i) => [k.name, i]));

function comparePresent(x: PresentObject, y: PresentObject): number {
  return compareFindingObjects(x.object, y.object) || (KIND_RANK.get(x.kind) ?? 0) - (KIND_RANK.get(y.kind) ?? 0);
}
