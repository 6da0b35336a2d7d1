/**
 * SQL text on one line: PostgreSQL's pretty printer breaks CASE expressions
 * over several indented lines, which reads badly in a one-line YAML entry.
 * Whitespace that holds a line break is one space (none after `(` or before
 * `)`), outside string literals and quoted identifiers, which are kept as
 * they are; the server parses the result to the same expression.
 */
export function oneLine(sql) {
    if (!sql.includes('\n'))
        return sql;
    let out = '';
    let i = 0;
    while (i < sql.length) {
        const ch = sql[i];
        if (ch === "'" || ch === '"') {
            let j = i + 1;
            while (j < sql.length) {
                if (sql[j] === ch) {
                    if (sql[j + 1] === ch)
                        j += 2;
                    else
                        break;
                }
                else {
                    j++;
                }
            }
            out += sql.slice(i, j + 1);
            i = j + 1;
            continue;
        }
        if (/\s/.test(ch)) {
            let j = i;
            while (j < sql.length && /\s/.test(sql[j]))
                j++;
            const run = sql.slice(i, j);
            if (!run.includes('\n'))
                out += run;
            else if (!out.endsWith('(') && sql[j] !== ')' && out !== '' && j < sql.length)
                out += ' ';
            i = j;
            continue;
        }
        out += ch;
        i++;
    }
    return out;
}
//# sourceMappingURL=one-line.js.map