import { type DiffOptions } from '../diff/index.js';
import type { SchemaModel } from '../model/schema-model.js';
import type { RemediationPlan } from '../plan/types.js';
import type { Verification } from '../plan/verification.js';
export { verificationText, type Verification, type VerifyFailure } from '../plan/verification.js';
import type { SupportedMajor } from '../server/binaries.js';
export interface VerifyInput {
    readonly plan: RemediationPlan;
    /** The audited database's model (the structure to copy). */
    readonly live: SchemaModel;
    readonly expected: SchemaModel;
    readonly major: SupportedMajor;
    /** The diff options the audit used (scope, ignore rules): the re-audit uses the same. */
    readonly diff?: DiffOptions;
    /** A server of ours to create the scratch database on (the demo's); default: start one of `major`. */
    readonly serverUrl?: string;
    readonly onProgress?: (message: string) => void;
}
export declare function verifyPlan(input: VerifyInput): Promise<Verification>;
