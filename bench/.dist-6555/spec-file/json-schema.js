/**
 * JSON Schema (draft-07) as the spec's fragments are written in TypeScript:
 * each kind's folder holds the schema of its section as a const of this
 * type, and `spec-schema.ts` assembles them into the one schema the loader
 * validates against and the build ships for editors.
 *
 * Only the keywords the spec uses are typed, so a misspelt keyword fails to
 * compile instead of being ignored by editors.
 */
/** A reference to a definition of the assembled schema: `#/definitions/<name>`. */
export function ref(name, description) {
    return description === undefined ? { $ref: `#/definitions/${name}` } : { $ref: `#/definitions/${name}`, description };
}
/** A map section's property: objects by name, each a `definition`. */
export function objectsByName(description, definition) {
    return { description, type: 'object', additionalProperties: ref(definition) };
}
/** A non-empty string. */
export function text(description, examples) {
    return examples === undefined
        ? { description, type: 'string', minLength: 1 }
        : { description, type: 'string', minLength: 1, examples };
}
/** A boolean. */
export function flag(description) {
    return { description, type: 'boolean' };
}
/**
 * An integer written as a number or, beyond 2^53, as a string of digits.
 * The structure pass knows this pattern and says so in its message.
 */
export const INTEGER_TEXT_PATTERN = '^-?[0-9]+$';
/** A number, or a string of digits (see {@link INTEGER_TEXT_PATTERN}). */
export function integerText(description) {
    return { description, type: ['integer', 'string'], pattern: INTEGER_TEXT_PATTERN };
}
/** `{ not: { required: [a, b] } }` for each pair: keys that exclude each other. */
export function exclusive(pairs) {
    return pairs.map((pair) => ({ not: { required: [...pair] } }));
}
/** `anyOf` one of these keys being present. */
export function needsOneOf(keys) {
    return keys.map((key) => ({ required: [key] }));
}
//# sourceMappingURL=json-schema.js.map