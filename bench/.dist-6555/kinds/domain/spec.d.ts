import { type MapSection } from '../../spec-file/spec-section.js';
/** A domain as a spec writes it. */
export interface SpecDomain {
    readonly type: string;
    readonly nullable?: boolean;
    readonly default?: string;
    readonly collation?: string;
    /** Named CHECK expressions over VALUE: `{ year_check: VALUE >= 1901 }`. */
    readonly checks?: Readonly<Record<string, string>>;
    readonly description?: string;
}
/** The `domains:` section. */
export declare const DOMAIN_SPEC: MapSection<SpecDomain>;
