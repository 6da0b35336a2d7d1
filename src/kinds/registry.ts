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
 * Collations come before the domains, types, tables and indexes that name
 * them. Functions come before tables (defaults, checks and indexes call them;
 * bodies are not checked when created, see the plan's `functions` phase),
 * views after every table member they read, triggers after the views they
 * may sit on, policies (row-level security) after every table, column,
 * function and view their expressions may read. Between objects of the same kind (a view over a view), and
 * where a function's signature uses a table's row type, the order comes
 * from the catalog's dependencies (src/model/dependencies.ts).
 *
 * Last, the comment kind (src/kinds/comment/): no objects of its own, it
 * compares the comments of every kind's objects through their `comments`
 * hooks.
 */
import type { Finding } from '../findings/finding.js';
import { collationKind } from './collation/index.js';
import { columnKind } from './column/index.js';
import { commentKind } from './comment/index.js';
import { constraintKind } from './constraint/index.js';
import { domainKind } from './domain/index.js';
import { enumKind } from './enum/index.js';
import { eventTriggerKind } from './event-trigger/index.js';
import { extensionKind } from './extension/index.js';
import { functionKind } from './function/index.js';
import { indexKind } from './index/index.js';
import type { ObjectKind } from './kind.js';
import { policyKind } from './policy/index.js';
import { schemaKind } from './schema/index.js';
import { privilegeKind } from './privilege/index.js';
import { sequenceKind } from './sequence/index.js';
import { tableKind } from './table/index.js';
import { triggerKind } from './trigger/index.js';
import { typeKind } from './type/index.js';
import { viewKind } from './view/index.js';

/** The kinds of objects, in dependency order. */
const OBJECT_KINDS = [
  schemaKind,
  extensionKind,
  collationKind,
  enumKind,
  domainKind,
  typeKind,
  sequenceKind,
  functionKind,
  eventTriggerKind,
  tableKind,
  columnKind,
  indexKind,
  constraintKind,
  viewKind,
  triggerKind,
  policyKind,
] as const;

/** Privileges and owners, of every kind's objects (src/kinds/privilege/): read and compared after them all. */
const ACROSS_KINDS = [privilegeKind] as const;

/** The object kinds, then the comment kind, which compares and plans the comments of theirs. */
export const KINDS = [...OBJECT_KINDS, ...ACROSS_KINDS, commentKind(OBJECT_KINDS)] as const;

/** One kind of the registry. */
export type RegisteredKind = (typeof KINDS)[number];

/** The findings a kind defines (its own, not its members'). */
type OwnFindings<K> = K extends ObjectKind<infer F, Finding> ? F : never;

/** Every drift finding, typed by kind: `expected` and `actual` as that kind's finding defines them. */
export type DriftFinding = OwnFindings<RegisteredKind>;

/** Every kind of drift finding. */
export type FindingKind = DriftFinding['kind'];
