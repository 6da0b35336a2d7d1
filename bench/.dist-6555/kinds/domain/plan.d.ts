import type { Domain, SchemaModel } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { type KindPlan } from '../../plan/kind-plan.js';
import { type DomainFinding } from './findings.js';
/**
 * The expected domain a type names (`year`, `billing.money_amount[]`),
 * created once when the database lacks it, after its schema and the domain
 * it is based on, if any.
 */
export declare function ensureDomain(ctx: PlanContext, typeText: string, findingId: string): void;
/** The columns of `model` (as `table.column`) and domains based on it whose type is domain `d` or an array of it. */
export declare function usersOf(model: SchemaModel, d: {
    schema: string;
    name: string;
}): {
    columns: {
        schema: string;
        table: string;
        column: string;
    }[];
    domains: Domain[];
};
export declare const DOMAIN_PLAN: KindPlan<DomainFinding>;
