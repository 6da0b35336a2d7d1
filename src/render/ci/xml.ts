/**
 * A small XML 1.0 writer for the JUnit report: names and messages come from
 * a database or a spec and may hold anything. Text and attribute values are
 * escaped entity by entity (no CDATA, so `]]>` needs no care); characters
 * XML 1.0 cannot carry at all (C0 controls but tab, LF and CR; lone
 * surrogates; U+FFFE, U+FFFF) are written as visible `\uXXXX` text, so the
 * document stays well-formed and the reader still sees that something was
 * there.
 */

/** Characters no XML 1.0 document may contain, even as a character reference. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text content: `&`, `<`, `>` as entities, CR kept as a reference (a parser would turn a raw one into LF). */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, visible).replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c] as string);
}

/** An attribute value (double-quoted): also quotes, and tab/LF/CR as references (a parser would normalise raw ones to spaces). */
export function xmlAttr(value: string): string {
  return value
    .replace(NOT_XML, visible)
    .replace(/[&<>"'\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c] as string);
}

/** `<name a="1" b="2"` + `>` or `/>` — attributes in the order given, undefined ones left out. */
export function openTag(name: string, attrs: Readonly<Record<string, string | number | undefined>>, selfClosing = false): string {
  const parts = Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`);
  return `<${name}${parts.join('')}${selfClosing ? '/>' : '>'}`;
}
