import { type DependentNode } from '../../model/dependencies.js';
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import type { SpecView } from './spec.js';
/** Every name a query mentions (string literals left out), as PostgreSQL folds it. */
export declare function mentionedNames(query: string): Set<string>;
interface SpecViewNode extends DependentNode {
    readonly schema: string;
    readonly name: string;
    readonly view: SpecView;
}
/**
 * The spec's views in dependency order: a view goes after every other view
 * of the spec whose name its query mentions (a name that only looks like one
 * — a column of the same name — can only move it later, never break it).
 */
export declare function specViewsInOrder(views: ReadonlyMap<string, SpecView>): SpecViewNode[];
/** CREATE VIEW / CREATE MATERIALIZED VIEW and a materialized view's indexes. */
export declare function viewObjects(ctx: DdlContext): DdlStatement[];
export declare function viewComments(ctx: DdlContext): DdlStatement[];
export {};
