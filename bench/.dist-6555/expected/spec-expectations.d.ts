import type { SchemaModel } from '../model/schema-model.js';
import { type SpecExtension } from '../kinds/extension/spec.js';
/**
 * The expected model of a spec, without what the spec does not say (see the
 * module comment): `extensions`, the spec's; `live` absent: comments as loaded.
 */
export declare function specExpectations(expected: SchemaModel, extensions: readonly SpecExtension[], live: SchemaModel | undefined): SchemaModel;
