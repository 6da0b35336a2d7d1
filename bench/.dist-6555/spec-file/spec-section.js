/** The same fragment paths, below `prefix`. */
export function fragmentsBelow(prefix, fragments) {
    return fragments.map((f) => ({ path: [...prefix, ...f.path], kind: f.kind }));
}
/** The name of a list item. */
export function listItemName(item) {
    return typeof item === 'string' ? item : item.name;
}
/** A map section's objects as `snapshot` writes them, or undefined (the section left out) when there are none. */
export function unlessEmpty(objects) {
    return Object.keys(objects).length > 0 ? objects : undefined;
}
/** True when `path` matches `pattern` (`*` matches any one key). */
export function matchesPath(pattern, path) {
    return pattern.length === path.length && pattern.every((part, i) => part === '*' || part === path[i]);
}
//# sourceMappingURL=spec-section.js.map