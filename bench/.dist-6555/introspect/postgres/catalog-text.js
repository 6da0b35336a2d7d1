/**
 * The catalog's text forms, as the streamed statements return them (array
 * row mode, every value the server's text; see stream-rows.ts): OIDs and
 * numbers in decimal, booleans 't' / 'f', "char" codes as their character
 * ('' for none), int2vector / oidvector space-separated ('1 2'), int2[] as
 * '{1,2}'.
 */
/**
 * Integers of an int2vector ('1 2') or int2[] ('{1,2}') text, in order; []
 * for NULL. One pass over the characters, no intermediate strings.
 */
export function integers(text) {
    const out = [];
    if (text === null)
        return out;
    let n = 0;
    let digits = false;
    let negative = false;
    for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (c >= 48 && c <= 57) {
            n = n * 10 + (c - 48);
            digits = true;
        }
        else if (c === 45) {
            negative = true;
        }
        else {
            if (digits)
                out.push(negative ? -n : n);
            n = 0;
            digits = false;
            negative = false;
        }
    }
    if (digits)
        out.push(negative ? -n : n);
    return out;
}
//# sourceMappingURL=catalog-text.js.map