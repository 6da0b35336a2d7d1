import { type MapSection } from '../../spec-file/spec-section.js';
/** An enum type as a spec writes it. */
export interface SpecEnum {
    readonly values: readonly string[];
    readonly description?: string;
}
/** The `enums:` section. */
export declare const ENUM_SPEC: MapSection<SpecEnum>;
