import { jsonAscii } from '../safe-text.js';
/**
 * Stable JSON: the report's own key order, two-space indent, final newline.
 * The characters JSON.stringify leaves raw but a terminal may act on (DEL,
 * C1 controls, U+2028/2029, bidi controls) are written as `\uXXXX` escapes:
 * the same JSON value, safe to print.
 */
export function renderJson(report) {
    return `${jsonAscii(JSON.stringify(report, null, 2))}\n`;
}
//# sourceMappingURL=json.js.map