/**
 * Passwords never reach any output: the one place they are taken out of
 * text. `redactCredentials` masks the password of every URL written in a
 * text; `redactSecrets` also removes the known passwords of given URLs
 * wherever they occur (a driver may quote one in an error message);
 * `redactUrl` is a URL as a person may see it.
 */

/** `//user:password@` in any URL: the one pattern for credentials in text. */
const URL_CREDENTIALS = /(\/\/[^\s:/@]*):[^\s@]*@/g;

/** Mask the password of every `scheme://user:password@…` in text: `scheme://user:***@…`. */
export function redactCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1:***@');
}

/** The password of a connection URL, or '' when it has none (or is not a URL). */
function passwordOf(url: string): string {
  try {
    return new URL(url).password;
  } catch {
    return /\/\/[^:/@]*:([^@]*)@/.exec(url)?.[1] ?? '';
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Text with the passwords of `urls` removed wherever they occur (raw and
 * URL-decoded), and any URL credentials masked.
 */
export function redactSecrets(text: string, urls: readonly string[]): string {
  let out = text;
  for (const url of urls) {
    const password = passwordOf(url);
    if (!password) continue;
    for (const p of new Set([password, safeDecode(password)])) if (p) out = out.split(p).join('***');
  }
  return redactCredentials(out);
}

/** The URL as a person may see it: password replaced by `***`, query string dropped. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    u.search = '';
    return u.toString();
  } catch {
    return redactCredentials(url);
  }
}
