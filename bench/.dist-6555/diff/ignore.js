/**
 * Ignore rules: globs over display names (see `IgnoreRule`).
 *
 * A pattern is split on dots into parts; each part is matched against one
 * stored (unquoted) name, case-sensitively. Inside a part, `*` matches any run
 * of characters; a part that is exactly `**` matches any number of whole
 * parts (zero included). Double quotes make their content literal, so
 * `public."my.table"` and `"a*b"` match those names exactly; `""` inside
 * quotes is a quote character.
 *
 * A pattern matches a finding when it matches the object's path or any prefix
 * of it: `public.leads` matches `public.leads.score` too, so ignoring a table
 * ignores everything in it. Use `kinds` to narrow a rule.
 */
import { InvalidSpecError } from '../errors.js';
import { readQuoted } from '../model/identifiers.js';
import { isFindingKind } from '../findings/kinds.js';
function invalid(pattern, why) {
    return new InvalidSpecError(`invalid ignore pattern ${JSON.stringify(pattern)}: ${why}`, {
        meta: { pattern },
    });
}
function escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Compile a pattern. Throws an `AuditError` (code `spec`) for an empty
 * pattern, an empty part (`a..b`, a leading or trailing dot) or an
 * unterminated quote.
 */
export function parseIgnorePattern(pattern) {
    const text = pattern.trim();
    if (text === '')
        throw invalid(pattern, 'it is empty');
    const rawParts = [];
    let tokens = [];
    let quoted = false;
    let source = '';
    let i = 0;
    const finishPart = () => {
        if (tokens.length === 0)
            throw invalid(pattern, 'it has an empty name part');
        rawParts.push({ tokens, quoted, source });
        tokens = [];
        quoted = false;
        source = '';
    };
    while (i < text.length) {
        const ch = text[i];
        if (ch === '"') {
            quoted = true;
            const run = readQuoted(text, i);
            if (run === null)
                throw invalid(pattern, 'it has an unterminated quote');
            const { literal } = run;
            i = run.end;
            tokens.push({ literal });
            source += `"${literal}"`;
        }
        else if (ch === '.') {
            finishPart();
            i++;
        }
        else if (ch === '*') {
            tokens.push({ star: true });
            source += '*';
            i++;
        }
        else {
            tokens.push({ literal: ch });
            source += ch;
            i++;
        }
    }
    finishPart();
    return rawParts.map(({ tokens: t, quoted: q, source: s }) => {
        if (!q && s === '**')
            return { kind: 'globstar' };
        const body = t.map((tok) => ('star' in tok ? '.*' : escapeRegex(tok.literal))).join('');
        return { kind: 'glob', regex: new RegExp(`^${body}$`, 's') };
    });
}
/** True when the compiled pattern matches the whole path (one name per part). */
export function matchesPath(parts, path) {
    const match = (p, n) => {
        if (p === parts.length)
            return n === path.length;
        const part = parts[p];
        if (part.kind === 'globstar') {
            for (let k = n; k <= path.length; k++)
                if (match(p + 1, k))
                    return true;
            return false;
        }
        return n < path.length && part.regex.test(path[n]) && match(p + 1, n + 1);
    };
    return match(0, 0);
}
/** True when the pattern matches the path or one of its prefixes (the object or a container of it). */
export function matchesPathOrContainer(parts, path) {
    for (let length = 1; length <= path.length; length++) {
        if (matchesPath(parts, path.slice(0, length)))
            return true;
    }
    return false;
}
/** Validate and compile rules; throws an `AuditError` (code `spec`) on a bad pattern or kind. */
export function compileIgnoreRules(rules) {
    return rules.map((rule) => {
        const parts = parseIgnorePattern(rule.pattern);
        let kinds = null;
        if (rule.kinds !== undefined) {
            if (rule.kinds.length === 0)
                throw invalid(rule.pattern, 'its kinds list is empty (omit it for every kind)');
            for (const kind of rule.kinds) {
                if (!isFindingKind(kind))
                    throw invalid(rule.pattern, `unknown finding kind ${JSON.stringify(kind)}`);
            }
            kinds = new Set(rule.kinds);
        }
        return { rule, parts, kinds };
    });
}
/** The first rule that matches a finding of `kind` about the object at `path`, if any. */
export function findIgnoreRule(rules, kind, path) {
    for (const compiled of rules) {
        if (compiled.kinds !== null && !compiled.kinds.has(kind))
            continue;
        if (matchesPathOrContainer(compiled.parts, path))
            return compiled.rule;
    }
    return undefined;
}
//# sourceMappingURL=ignore.js.map