import { createHash } from 'node:crypto';

/**
 * File and folder names for database names (`snapshot --out DIR/`). A
 * database name is untrusted text: slashes, dots, `..`, any Unicode, 63
 * bytes or (in a spec) longer, names that differ only in case. The mapping
 * is a pure function of the name, and:
 *
 * - safe: the result matches `[a-z0-9_]{1,64}` optionally followed by `-`
 *   and 16 lowercase hex digits; no separator, dot, space or upper case,
 *   never empty, never a Windows device name (`con`, `aux`, `com1`, ...);
 * - readable: a name that is already of that form (lower-case letters,
 *   digits, `_`, at most 64 characters, not a device name) is its own file name;
 * - unique, also on case-insensitive file systems: every other name is
 *   sanitised (each other character becomes `_`, lower-cased, cut at 64
 *   characters) and given `-` and a hash of the exact name. A name kept as
 *   it is has no `-`, so it never meets a hashed one; two hashed names meet
 *   only if 64 bits of SHA-256 do (the writer still refuses duplicates).
 */
export const MAX_SANITISED = 64;

const PLAIN = /^[a-z0-9_]+$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function safeFileName(name: string): string {
  if (name.length <= MAX_SANITISED && PLAIN.test(name) && !WINDOWS_DEVICE.test(name)) return name;
  const sanitised = name.replace(/[^A-Za-z0-9_]/gu, '_').toLowerCase().slice(0, MAX_SANITISED);
  // UTF-16 code units: an exact encoding of any JavaScript string (a lone surrogate included).
  const hash = createHash('sha256').update(Buffer.from(name, 'utf16le')).digest('hex').slice(0, 16);
  return `${sanitised === '' ? '_' : sanitised}-${hash}`;
}

/** What {@link safeFileName} can return: the writer checks every path segment against it. */
export const SAFE_SEGMENT = /^[a-z0-9_]{1,64}(-[0-9a-f]{16})?$/;
