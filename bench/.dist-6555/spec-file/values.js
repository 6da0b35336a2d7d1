/**
 * Reading the values of a spec that may not be well-formed: the checks of
 * meaning run even when the structure pass found problems (one run reports
 * everything), so they read what they need through these and skip the rest.
 */
/** A map (not null, not an array). */
export function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The value when it is a string. */
export function str(value) {
    return typeof value === 'string' ? value : undefined;
}
/** The strings of a list (none when it is not a list). */
export function strings(value) {
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}
//# sourceMappingURL=values.js.map