import { type MapSection } from '../../spec-file/spec-section.js';
import type { View } from './model.js';
/** An option value as a spec writes it. */
export type SpecViewOption = boolean | number | string;
/** A view as a spec writes it. */
export interface SpecView {
    /** The query: one SELECT (or VALUES, or WITH … SELECT). */
    readonly definition: string;
    /** A materialized view (default false). */
    readonly materialized?: boolean;
    /** `security_barrier`, `security_invoker`, `check_option` (local, cascaded); a materialized view's storage parameters. */
    readonly options?: Readonly<Record<string, SpecViewOption>>;
    /** A materialized view: filled when created (default true); false: WITH NO DATA. */
    readonly with_data?: boolean;
    /** A materialized view's indexes: name → CREATE INDEX statement. */
    readonly indexes?: Readonly<Record<string, string>>;
    /** What the view is for (its COMMENT). */
    readonly description?: string;
}
/** Option names as PostgreSQL spells them (`security_barrier`, `toast.autovacuum_enabled`). */
export declare const OPTION_NAME_PATTERN = "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?$";
/** A spec option as `reloptions` text: `security_barrier=true`. */
export declare function optionText(name: string, value: SpecViewOption): string;
/** The spec's options as `reloptions` texts, sorted as the model sorts them. */
export declare function specOptions(options: SpecView['options']): string[];
/** The view as `snapshot` writes it. */
export declare function viewToSpec(v: View): SpecView;
/** The `views:` section. */
export declare const VIEW_SPEC: MapSection<SpecView>;
