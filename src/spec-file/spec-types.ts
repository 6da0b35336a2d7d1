/**
 * The expected-schema spec: what people write and review in pull requests.
 * YAML or JSON, one file or a directory of files whose top-level sections
 * are merged. Each section's node types live with its kind
 * (`src/kinds/<kind>/spec.ts`) and are re-exported here; this file adds the
 * whole file's shape and the loaded spec's. The JSON Schema is assembled
 * from the same folders (spec-schema.ts); a guard test keeps the keys of
 * these types and the schema's in step.
 *
 * Example (YAML):
 *
 *   version: 1
 *   enums:
 *     lead_status:
 *       values: [new, contacted, qualified]
 *   tables:
 *     leads:
 *       description: Core business entity for lead management
 *       columns:
 *         id: { type: uuid, nullable: false, default: gen_random_uuid() }
 *         client_id: { type: uuid, nullable: false, references: { table: clients, onDelete: cascade } }
 *         score: { type: int, check: score BETWEEN 0 AND 100 }
 *       primaryKey: [id]
 *       indexes:
 *         idx_leads_score: { columns: [score], description: filter by score }
 *
 * Names: a key `leads` is in the default schema (`public`, or the file's
 * `schema:`); `billing.invoices` names the schema explicitly. Names are
 * stored exactly as written (no case folding): write `Lead Notes` for a
 * table created as "Lead Notes".
 */
import type { SpecCollation } from '../kinds/collation/spec.js';
import type { SpecDomain } from '../kinds/domain/spec.js';
import type { SpecType } from '../kinds/type/spec.js';
import type { SpecEnum } from '../kinds/enum/spec.js';
import type { SpecExtension } from '../kinds/extension/spec.js';
import type { SpecFunctionEntry } from '../kinds/function/spec.js';
import type { SpecSequence } from '../kinds/sequence/spec.js';
import type { SpecTable } from '../kinds/table/spec.js';
import type { SpecView } from '../kinds/view/spec.js';
import type { SpecDatabase, SpecDefaultPrivileges, SpecPrivileges, SpecRole } from '../kinds/privilege/spec-json.js';
import type { SourceLocation } from './spec-section.js';

// Every section's node types, from the kinds' folders.
export type { SpecColumn } from '../kinds/column/spec.js';
export type {
  ReferentialActionSpec,
  SpecCheck,
  SpecForeignKey,
  SpecNamedColumns,
  SpecReference,
  SpecUnique,
} from '../kinds/constraint/spec.js';
export type { SpecCollation } from '../kinds/collation/spec.js';
export type { SpecDomain } from '../kinds/domain/spec.js';
export type { SpecType, SpecTypeAttribute, SpecRange } from '../kinds/type/spec.js';
export type { SpecEnum } from '../kinds/enum/spec.js';
export type { SpecExtension } from '../kinds/extension/spec.js';
export type { SpecFunction, SpecFunctionEntry } from '../kinds/function/spec.js';
export type { SpecIndex, SpecIndexKey } from '../kinds/index/spec.js';
export type { SpecSequence } from '../kinds/sequence/spec.js';
export type { SpecTable } from '../kinds/table/spec.js';
export type { SpecView, SpecViewOption } from '../kinds/view/spec.js';
export type { SpecTrigger, SpecTriggerObject } from '../kinds/trigger/spec.js';
export type { SpecPolicy, SpecPolicyObject } from '../kinds/policy/spec.js';
export type { SourceLocation, SpecProblem } from './spec-section.js';
export type { SpecDatabase, SpecDefaultPrivileges, SpecGrants, SpecPrivileges, SpecRole } from '../kinds/privilege/spec-json.js';

/** The spec format version this code reads and writes. */
export const SPEC_VERSION = 1;

/** A severity as a spec writes it (`severity:` overrides). */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One file's content, as written. Every section is optional. The kinds'
 * sections (`schemas` to `tables`) are in registry order, between the
 * file's settings and the rules that cross kinds.
 */
export interface SpecFile {
  /** Spec format version; 1. */
  readonly version?: number;
  /** Default schema for unqualified names in this file (default `public`). */
  readonly schema?: string;
  /** The roles whose owners and privileges the spec governs (a name, or `{ name, as }` for another name on the server). */
  readonly roles?: readonly SpecRole[];
  /** The privileges of the database the spec is audited in (`grants:`); left out, not compared. */
  readonly database?: SpecDatabase;
  /** Schemas the spec owns (default: the schemas its objects live in); an item may be `{ name, owner, grants }`. */
  readonly schemas?: readonly (string | SpecSchemaItem)[];
  readonly extensions?: readonly SpecExtension[];
  /** Collations (CREATE COLLATION) by name. */
  readonly collations?: Readonly<Record<string, SpecCollation>>;
  readonly enums?: Readonly<Record<string, SpecEnum>>;
  readonly domains?: Readonly<Record<string, SpecDomain>>;
  /** Composite and range types by name. */
  readonly types?: Readonly<Record<string, SpecType>>;
  readonly sequences?: Readonly<Record<string, SpecSequence>>;
  /** Functions, procedures and aggregates by name; a list holds a name's overloads. */
  readonly functions?: Readonly<Record<string, SpecFunctionEntry>>;
  readonly tables?: Readonly<Record<string, SpecTable>>;
  readonly views?: Readonly<Record<string, SpecView>>;
  /** ALTER DEFAULT PRIVILEGES rules of governed roles. */
  readonly default_privileges?: readonly SpecDefaultPrivileges[];
  readonly ignore?: readonly SpecIgnoreRule[];
  /** Per finding kind severity overrides, e.g. `unexpected_column: warning`. */
  readonly severity?: Readonly<Record<string, Severity>>;
}

/** A schema of `schemas:` with its owner and privileges. */
export interface SpecSchemaItem extends SpecPrivileges {
  readonly name: string;
}

/** An `ignore:` rule: findings about matching objects are not reported. */
export interface SpecIgnoreRule {
  /** Glob over object names: `public.spatial_ref_sys`, `audit.*`, `public.leads.legacy_*`. */
  readonly pattern: string;
  /** Finding kinds it applies to (default all). */
  readonly kinds?: readonly string[];
  /** Why the spec does not own these objects. Required. */
  readonly reason: string;
  /** Who owns the decision; the last day the rule holds (yyyy-mm-dd); a ticket (src/ack). */
  readonly owner?: string;
  readonly expires?: string;
  readonly ticket?: string | number;
}

/** A spec as loaded: files merged, every node's location kept. */
export interface LoadedSpec {
  readonly files: readonly string[];
  /** sha256 over the files' names and bytes, in load order. */
  readonly sha256: string;
  readonly extensions: readonly SpecExtension[];
  readonly schemas: readonly string[];
  /** The `schemas:` items as written (names, or objects with an owner or grants), in the order of `schemas`. */
  readonly schemaItems: readonly (string | SpecSchemaItem)[];
  /** The governed roles (`roles:`), merged by name. */
  readonly roles: readonly SpecRole[];
  /** `default_privileges:`, files' lists concatenated. */
  readonly defaultPrivileges: readonly SpecDefaultPrivileges[];
  /** `database:` as written, when a file writes it (one file at most). */
  readonly database?: SpecDatabase;
  /** Keys are schema-qualified (`public.leads`); values as written. */
  readonly collations: ReadonlyMap<string, SpecCollation>;
  readonly enums: ReadonlyMap<string, SpecEnum>;
  readonly domains: ReadonlyMap<string, SpecDomain>;
  readonly types: ReadonlyMap<string, SpecType>;
  readonly sequences: ReadonlyMap<string, SpecSequence>;
  readonly functions: ReadonlyMap<string, SpecFunctionEntry>;
  readonly tables: ReadonlyMap<string, SpecTable>;
  readonly views: ReadonlyMap<string, SpecView>;
  readonly ignore: readonly SpecIgnoreRule[];
  readonly severity: Readonly<Record<string, Severity>>;
  /**
   * Where a node was written, by its logical path: the section, the schema
   * and name of the object (qualified, whatever the file wrote), then the
   * keys below it. E.g. `['tables', 'public', 'leads', 'columns', 'score']`,
   * `['tables', 'public', 'leads', 'indexes', 'idx_leads_score']`,
   * `['enums', 'public', 'lead_status']`, `['tables', 'public', 'leads', 'checks', '0']`.
   * A path deeper than what was written resolves to its nearest written ancestor.
   */
  locate(path: readonly string[]): SourceLocation | undefined;
}

/** The keys of the kinds' sections in a loaded spec: lists of names, or maps of objects by qualified name. */
export type LoadedSectionKey = Exclude<keyof LoadedSpec, 'files' | 'sha256' | 'ignore' | 'severity' | 'locate' | 'schemaItems' | 'roles' | 'defaultPrivileges' | 'database'>;
