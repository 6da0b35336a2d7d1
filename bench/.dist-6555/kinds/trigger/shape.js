/**
 * The parts of a trigger definition as `pg_get_triggerdef` prints it, for
 * naming what differs between two triggers of the same name:
 *
 *     CREATE [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} events
 *       ON table [FROM referenced] [[NOT] DEFERRABLE] [INITIALLY ...]
 *       [REFERENCING ...] FOR EACH {ROW | STATEMENT} [WHEN (...)]
 *       EXECUTE FUNCTION function(arguments)
 *
 * The comparison itself is of the whole text (both sides print it from a
 * server); this only words the difference. Text it cannot read gives null,
 * and the difference is then said to be in `definition`.
 */
import { unquoteIdent } from '../../model/identifiers.js';
/** The end of a quoted run that starts at `start` (`"` or `'`, doubled to escape). */
function quotedEnd(text, start) {
    const q = text[start];
    let i = start + 1;
    while (i < text.length) {
        if (text[i] === q) {
            if (text[i + 1] === q)
                i += 2;
            else
                return i + 1;
        }
        else
            i++;
    }
    return -1;
}
/** The end of the parenthesised run that starts at `start`, quotes respected; -1 when unbalanced. */
function groupEnd(text, start) {
    let depth = 0;
    let i = start;
    while (i < text.length) {
        const c = text[i];
        if (c === '"' || c === "'") {
            i = quotedEnd(text, i);
            if (i < 0)
                return -1;
            continue;
        }
        if (c === '(')
            depth++;
        if (c === ')' && --depth === 0)
            return i + 1;
        i++;
    }
    return -1;
}
function tokenize(text) {
    const out = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        let end;
        let type;
        if (c === '"' || c === "'") {
            end = quotedEnd(text, i);
            type = c === '"' ? 'name' : 'string';
        }
        else if (c === '(') {
            end = groupEnd(text, i);
            type = 'group';
        }
        else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
            end = i + (/^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(text.slice(i))?.[0].length ?? 1);
            type = 'word';
        }
        else {
            end = i + 1;
            type = 'other';
        }
        if (end < 0)
            return null;
        out.push({ type, text: text.slice(i, end) });
        i = end;
    }
    return out;
}
/** A name token as PostgreSQL reads it: a quoted name exactly, an unquoted one folded to lower case. */
function nameOf(t) {
    return t?.type === 'name' || t?.type === 'word' ? unquoteIdent(t.text) : null;
}
/** `name` or `schema . name` tokens as their names; null for anything else. */
function qualifiedNameOf(tokens) {
    if (tokens.length !== 1 && !(tokens.length === 3 && tokens[1].text === '.'))
        return null;
    const parts = tokens.filter((_, k) => k % 2 === 0).map(nameOf);
    return parts.every((p) => p !== null) ? parts : null;
}
const CLAUSES = new Set(['FROM', 'NOT', 'DEFERRABLE', 'INITIALLY', 'REFERENCING', 'FOR', 'WHEN', 'EXECUTE', 'ON']);
/** A position in a definition's tokens, read clause by clause. */
class Cursor {
    tokens;
    i = 0;
    constructor(tokens) {
        this.tokens = tokens;
    }
    /** A keyword: an unquoted word that is no part of a qualified name. */
    keywordAt(k = this.i) {
        const t = this.tokens[k];
        if (t?.type !== 'word' || this.tokens[k - 1]?.text === '.' || this.tokens[k + 1]?.text === '.')
            return null;
        return t.text.toUpperCase();
    }
    take(word) {
        if (this.keywordAt() !== word)
            return false;
        this.i++;
        return true;
    }
    /** The tokens up to the next of `stops` (or the end), as text. */
    until(stops) {
        const parts = [];
        while (this.i < this.tokens.length && !stops.has(this.keywordAt() ?? ''))
            parts.push(this.tokens[this.i++].text);
        return parts.join(' ');
    }
}
/** `CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name timing events ON table`, the cursor left after the table. */
function readHead(c) {
    if (!c.take('CREATE'))
        return null;
    if (c.take('OR') && !c.take('REPLACE'))
        return null;
    const constraint = c.take('CONSTRAINT');
    if (!c.take('TRIGGER'))
        return null;
    const name = nameOf(c.tokens[c.i++]);
    let timing;
    if (c.take('BEFORE'))
        timing = 'BEFORE';
    else if (c.take('AFTER'))
        timing = 'AFTER';
    else if (c.take('INSTEAD') && c.take('OF'))
        timing = 'INSTEAD OF';
    else
        return null;
    const events = c.until(new Set(['ON']));
    if (!c.take('ON'))
        return null;
    const tableStart = c.i;
    c.until(CLAUSES);
    return { name, table: qualifiedNameOf(c.tokens.slice(tableStart, c.i)), constraint, timing, events };
}
/**
 * The trigger a CREATE TRIGGER statement names and the table it is on (read
 * up to the table only: the parser checks the whole statement), or null
 * when it does not start as one.
 */
export function triggerHead(definition) {
    const tokens = tokenize(definition);
    return tokens === null ? null : readHead(new Cursor(tokens));
}
/** The parts of `definition`, or null when it is not a CREATE TRIGGER as pg_get_triggerdef prints one. */
export function triggerParts(definition) {
    const tokens = tokenize(definition);
    if (tokens === null)
        return null;
    const c = new Cursor(tokens);
    const head = readHead(c);
    if (head === null)
        return null;
    const referenced = c.take('FROM') ? c.until(CLAUSES) : '';
    const deferral = [];
    for (;;) {
        const k = c.keywordAt();
        if (k !== 'NOT' && k !== 'DEFERRABLE' && k !== 'INITIALLY' && k !== 'IMMEDIATE' && k !== 'DEFERRED')
            break;
        deferral.push(k);
        c.i++;
    }
    const transitionTables = c.take('REFERENCING') ? c.until(new Set(['FOR'])) : '';
    if (!c.take('FOR') || !c.take('EACH'))
        return null;
    const level = c.keywordAt() ?? '';
    if (level !== 'ROW' && level !== 'STATEMENT')
        return null;
    c.i++;
    let when = '';
    if (c.take('WHEN')) {
        if (tokens[c.i]?.type !== 'group')
            return null;
        when = tokens[c.i++].text;
    }
    if (!c.take('EXECUTE') || !(c.take('FUNCTION') || c.take('PROCEDURE')))
        return null;
    const last = tokens[tokens.length - 1];
    if (last?.type !== 'group' || c.i >= tokens.length - 1)
        return null;
    const fn = tokens
        .slice(c.i, tokens.length - 1)
        .map((t) => t.text)
        .join('');
    return {
        ...head,
        referenced,
        deferrable: deferral.join(' '),
        transitionTables,
        level,
        when,
        function: fn,
        arguments: last.text.slice(1, -1).trim(),
    };
}
/** The aspects in which two triggers' definitions differ, as findings name them. */
export function triggerAspects(expected, actual) {
    if (expected.definition === actual.definition)
        return [];
    const e = triggerParts(expected.definition);
    const a = triggerParts(actual.definition);
    if (e === null || a === null)
        return ['definition'];
    const names = {
        constraint: 'constraint',
        timing: 'timing',
        events: 'events',
        referenced: 'referenced table',
        deferrable: 'deferrable',
        transitionTables: 'transition tables',
        level: 'level',
        when: 'when',
        function: 'function',
        arguments: 'arguments',
    };
    const out = Object.keys(names).filter((k) => e[k] !== a[k]).map((k) => names[k]);
    return out.length === 0 ? ['definition'] : out;
}
//# sourceMappingURL=shape.js.map