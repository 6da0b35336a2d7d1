import type { Column, GeneratedColumn, IdentityKind } from './model.js';
export declare function typeText(type: string, collation: string | null): string;
export declare function identityText(identity: IdentityKind | null): string;
export declare function generatedText(generated: GeneratedColumn | null): string;
export declare function defaultText(value: string | null): string;
export declare function nullabilityText(nullable: boolean): string;
/** `integer, nullable` / `text, NOT NULL, default 'x'::text` / `bigint, NOT NULL, GENERATED ALWAYS AS IDENTITY`. */
export declare function columnText(c: Column): string;
/** True when an INSERT that omits the column must fail: NOT NULL with nothing to fill it. */
export declare function insertsMustSupply(c: Column): boolean;
