import { type JsonSchema, type JsonSchemaDefinitions } from './json-schema.js';
/** The whole schema: a JSON Schema node with the document's header and its definitions. */
export interface SpecJsonSchema extends JsonSchema {
    readonly $schema: string;
    readonly $id: string;
    readonly title: string;
    readonly definitions: JsonSchemaDefinitions;
}
/** The spec's JSON Schema, assembled once. */
export declare function specJsonSchema(): SpecJsonSchema;
/** The schema as the file shipped for editors holds it: two-space indented, final newline. */
export declare function specJsonSchemaText(): string;
