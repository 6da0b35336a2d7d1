/**
 * The registry: every kind of database object schema-audit knows, in
 * dependency order. Each line names a kind's folder (`src/kinds/<kind>/`),
 * which holds everything about it (see kind.ts); each stage walks this list
 * and keeps to itself only what crosses kinds.
 *
 * Dependency order: an object may depend on objects of the kinds before it
 * (a domain on an enum, a table on both, a table's constraints on its
 * columns and indexes), so creating in this order and dropping in reverse
 * works kind by kind. The model's sections (`SchemaModel`) and the spec's
 * follow it too.
 *
 * Functions come before tables (defaults, checks and indexes call them;
 * bodies are not checked when created, see the plan's `functions` phase),
 * views after every table member they read, triggers after the views they
 * may sit on. Between objects of the same kind (a view over a view), and
 * where a function's signature uses a table's row type, the order comes
 * from the catalog's dependencies (src/model/dependencies.ts).
 *
 * Last, the comment kind (src/kinds/comment/): no objects of its own, it
 * compares the comments of every kind's objects through their `comments`
 * hooks.
 */
import type { Finding } from '../findings/finding.js';
import type { ObjectKind } from './kind.js';
/** The object kinds, then the comment kind, which compares and plans the comments of theirs. */
export declare const KINDS: readonly [ObjectKind<never, never>, ObjectKind<import("./extension/findings.js").ExtensionFinding, import("./extension/findings.js").ExtensionFinding>, ObjectKind<import("./enum/findings.js").EnumFinding, import("./enum/findings.js").EnumFinding>, ObjectKind<import("./domain/findings.js").DomainFinding, import("./domain/findings.js").DomainFinding>, ObjectKind<import("./sequence/findings.js").SequenceFinding, import("./sequence/findings.js").SequenceFinding>, ObjectKind<import("./function/findings.js").FunctionFinding, import("./function/findings.js").FunctionFinding>, ObjectKind<import("./event-trigger/findings.js").EventTriggerFinding, import("./event-trigger/findings.js").EventTriggerFinding>, ObjectKind<import("./table/findings.js").TableFinding, import("./table/compare.js").TableFamilyFinding>, ObjectKind<import("./column/findings.js").ColumnFinding, import("./column/findings.js").ColumnFinding>, ObjectKind<import("./index/findings.js").IndexFinding, import("./index/findings.js").IndexFinding>, ObjectKind<import("./constraint/findings.js").ConstraintFinding, import("./constraint/findings.js").ConstraintFinding>, ObjectKind<import("./view/findings.js").ViewFinding, import("./view/findings.js").ViewFinding>, ObjectKind<import("./trigger/findings.js").TriggerFinding, import("./trigger/findings.js").TriggerFinding>, ObjectKind<import("./comment/findings.js").CommentFinding, import("./comment/findings.js").CommentFinding>];
/** One kind of the registry. */
export type RegisteredKind = (typeof KINDS)[number];
/** The findings a kind defines (its own, not its members'). */
type OwnFindings<K> = K extends ObjectKind<infer F, Finding> ? F : never;
/** Every drift finding, typed by kind: `expected` and `actual` as that kind's finding defines them. */
export type DriftFinding = OwnFindings<RegisteredKind>;
/** Every kind of drift finding. */
export type FindingKind = DriftFinding['kind'];
export {};
