/**
 * Schemas (namespaces). Known limitation: not compared as objects of their
 * own; a missing schema shows through the objects it should hold, and the
 * plan creates it for them.
 */
import type { ObjectKind } from '../kind.js';
export declare const schemaKind: ObjectKind<never>;
