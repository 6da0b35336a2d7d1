/**
 * A JSON spec file is read with JSON.parse (fast, and no document tree kept
 * beside the data); this scanner walks the same text, already known to be
 * valid JSON, for what JSON.parse does not say: how many nodes it holds, its
 * duplicate keys, the source text of numbers and booleans, and the line of
 * each node by written path. Iterative: nesting depth costs no stack.
 */
/** What the scan reports. Each callback is optional. */
export interface JsonScanVisitor {
    /** Every node, with its written path (the array is reused: copy it to keep it) and its line. */
    node?(path: readonly string[], line: number): void;
    /** A key seen before in the same object. */
    duplicate?(path: readonly string[], key: string, line: number, firstLine: number): void;
    /** A number, `true` or `false`, as written. */
    literal?(path: readonly string[], source: string): void;
}
/** Scan valid JSON text. */
export declare function scanJson(text: string, visitor: JsonScanVisitor): void;
