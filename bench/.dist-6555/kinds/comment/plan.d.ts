import type { KindPlan } from '../../plan/kind-plan.js';
import type { ObjectKind } from '../kind.js';
import type { CommentFinding } from './findings.js';
export declare function commentPlan(kinds: readonly ObjectKind[]): KindPlan<CommentFinding>;
