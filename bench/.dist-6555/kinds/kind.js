/** The aspects of a `missing` or `unexpected` finding: none, it is about the whole object. */
export function wholeObject() {
    return [];
}
//# sourceMappingURL=kind.js.map