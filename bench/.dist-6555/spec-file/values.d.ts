/**
 * Reading the values of a spec that may not be well-formed: the checks of
 * meaning run even when the structure pass found problems (one run reports
 * everything), so they read what they need through these and skip the rest.
 */
/** A map (not null, not an array). */
export declare function isRecord(value: unknown): value is Record<string, unknown>;
/** The value when it is a string. */
export declare function str(value: unknown): string | undefined;
/** The strings of a list (none when it is not a list). */
export declare function strings(value: unknown): string[];
