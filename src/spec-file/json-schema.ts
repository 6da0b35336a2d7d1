/**
 * JSON Schema (draft-07) as the spec's fragments are written in TypeScript:
 * each kind's folder holds the schema of its section as a const of this
 * type, and `spec-schema.ts` assembles them into the one schema the loader
 * validates against and the build ships for editors.
 *
 * Only the keywords the spec uses are typed, so a misspelt keyword fails to
 * compile instead of being ignored by editors.
 */

/** One JSON Schema node. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly description?: string;
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly required?: readonly string[];
  readonly properties?: { readonly [key: string]: JsonSchema };
  readonly propertyNames?: JsonSchema;
  readonly minProperties?: number;
  readonly allOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly not?: JsonSchema;
  readonly if?: JsonSchema;
  readonly then?: JsonSchema;
  readonly else?: JsonSchema;
  readonly examples?: readonly unknown[];
}

/** The JSON types. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** Named schemas, referred to as `#/definitions/<name>`. */
export interface JsonSchemaDefinitions {
  readonly [name: string]: JsonSchema;
}

/** A reference to a definition of the assembled schema: `#/definitions/<name>`. */
export function ref(name: string, description?: string): JsonSchema {
  return description === undefined ? { $ref: `#/definitions/${name}` } : { $ref: `#/definitions/${name}`, description };
}

/** A map section's property: objects by name, each a `definition`. */
export function objectsByName(description: string, definition: string): JsonSchema {
  return { description, type: 'object', additionalProperties: ref(definition) };
}

/** A non-empty string. */
export function text(description: string, examples?: readonly unknown[]): JsonSchema {
  return examples === undefined
    ? { description, type: 'string', minLength: 1 }
    : { description, type: 'string', minLength: 1, examples };
}

/** A boolean. */
export function flag(description: string): JsonSchema {
  return { description, type: 'boolean' };
}

/**
 * An integer written as a number or, beyond 2^53, as a string of digits.
 * The structure pass knows this pattern and says so in its message.
 */
export const INTEGER_TEXT_PATTERN = '^-?[0-9]+$';

/** A day, yyyy-mm-dd (an ignore rule's or an acknowledgement's `expires`); the structure pass knows it too. */
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** A number, or a string of digits (see {@link INTEGER_TEXT_PATTERN}). */
export function integerText(description: string): JsonSchema {
  return { description, type: ['integer', 'string'], pattern: INTEGER_TEXT_PATTERN };
}

/** `{ not: { required: [a, b] } }` for each pair: keys that exclude each other. */
export function exclusive(pairs: readonly (readonly [string, string])[]): JsonSchema[] {
  return pairs.map((pair) => ({ not: { required: [...pair] } }));
}

/** `anyOf` one of these keys being present. */
export function needsOneOf(keys: readonly string[]): JsonSchema[] {
  return keys.map((key) => ({ required: [key] }));
}
