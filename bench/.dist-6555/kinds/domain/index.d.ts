import type { ObjectKind } from '../kind.js';
import { type DomainFinding } from './findings.js';
export declare const domainKind: ObjectKind<DomainFinding>;
