/** Enum types: `CREATE TYPE ... AS ENUM`, compared label by label. */
import type { ObjectKind } from '../kind.js';
import { type EnumFinding } from './findings.js';
export declare const enumKind: ObjectKind<EnumFinding>;
