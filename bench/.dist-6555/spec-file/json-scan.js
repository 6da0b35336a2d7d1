/**
 * A JSON spec file is read with JSON.parse (fast, and no document tree kept
 * beside the data); this scanner walks the same text, already known to be
 * valid JSON, for what JSON.parse does not say: how many nodes it holds, its
 * duplicate keys, the source text of numbers and booleans, and the line of
 * each node by written path. Iterative: nesting depth costs no stack.
 */
const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Scan valid JSON text. */
export function scanJson(text, visitor) {
    const path = [];
    const stack = [];
    let line = 1;
    let i = 0;
    /** The line of the value about to be read when it is an object's: its key's. */
    let lineOfValue = 1;
    const skipSpace = () => {
        while (i < text.length && isSpace(text.charCodeAt(i))) {
            if (text.charCodeAt(i) === 0x0a)
                line++;
            i++;
        }
    };
    /** The end of the string starting at `i` (its opening quote). */
    const stringEnd = () => {
        let j = i + 1;
        for (;;) {
            const c = text.charCodeAt(j);
            if (c === 0x5c)
                j += 2;
            else if (c === 0x22)
                return j + 1;
            else
                j++;
        }
    };
    /** Whether a value comes next in the innermost container (after its key, for an object). */
    const nextMember = () => {
        skipSpace();
        const frame = stack[stack.length - 1];
        const c = text.charCodeAt(i);
        if (c === 0x5d || c === 0x7d) {
            i++;
            stack.pop();
            if (stack.length > 0)
                path.pop();
            return false;
        }
        if (c === 0x2c) {
            i++;
            skipSpace();
        }
        if (frame.array) {
            path.push(String(frame.index++));
            return true;
        }
        const end = stringEnd();
        const key = JSON.parse(text.slice(i, end));
        const keyLine = line;
        i = end;
        skipSpace();
        i++; // the colon
        if (frame.keys !== undefined) {
            const first = frame.keys.get(key);
            if (first === undefined)
                frame.keys.set(key, keyLine);
            else
                visitor.duplicate?.(path, key, keyLine, first);
        }
        path.push(key);
        skipSpace();
        lineOfValue = keyLine;
        return true;
    };
    skipSpace();
    for (;;) {
        // A value starts at i; its line is its key's (objects) or its own (arrays, the root).
        skipSpace();
        const inArray = stack.length === 0 || stack[stack.length - 1].array;
        visitor.node?.(path, inArray ? line : lineOfValue);
        const c = text.charCodeAt(i);
        if (c === 0x7b || c === 0x5b) {
            i++;
            stack.push({ array: c === 0x5b, index: 0, keys: c === 0x7b && visitor.duplicate ? new Map() : undefined });
        }
        else {
            const start = i;
            if (c === 0x22)
                i = stringEnd();
            else {
                while (i < text.length && !isSpace(text.charCodeAt(i)) && !',]}'.includes(text[i]))
                    i++;
                if (c !== 0x6e)
                    visitor.literal?.(path, text.slice(start, i)); // not null
            }
            if (stack.length === 0)
                return;
            path.pop();
        }
        while (!nextMember())
            if (stack.length === 0)
                return;
    }
}
//# sourceMappingURL=json-scan.js.map