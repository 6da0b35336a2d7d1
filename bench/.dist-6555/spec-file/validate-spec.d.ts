/**
 * Spec validation, pass 1: structure, per file. The file's data against the
 * spec's JSON Schema (assembled from the kinds' fragments, spec-schema.ts),
 * each ajv error turned into a problem at the node's file:line and written
 * path, with a message a person can act on (`unknown key 'nulable'
 * (allowed: type, nullable, ...)`, `expected a string, got a number`, `must
 * be one of: always, by default`). A section may say some of its own (a
 * table without columns).
 *
 * Pass 2, meaning across the merged spec, is check-spec.ts; it runs even
 * when this pass found problems, so one run reports everything.
 */
import { Ajv } from 'ajv';
import type { ParsedSpecFile } from './spec-file.js';
import { type SpecProblem } from './spec-section.js';
/** An ajv instance configured as the validator uses it (strict; union types allowed). */
export declare function createAjv(): Ajv;
/** The problems of one well-formed file's data against the JSON Schema. */
export declare function validateStructure(file: ParsedSpecFile): SpecProblem[];
