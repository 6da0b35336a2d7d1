import { type ConnectOptions } from '../db/connect.js';
import type { IntrospectOptions, IntrospectionResult } from './introspector.js';
export interface ReadLiveOptions extends IntrospectOptions, ConnectOptions {
}
/**
 * Connect, introspect, disconnect. Failures become one-line ConnectionError
 * (could not get in: exit 3) or IntrospectionError (got in, could not read:
 * exit 3), with the password redacted. A connection lost, a session
 * terminated or a server gone silent mid-read is such a failure too, never a
 * crash or a hang (src/db/connect.ts).
 */
export declare function readLiveSchema(url: string, options?: ReadLiveOptions): Promise<IntrospectionResult>;
