export declare const UNPARSEABLE = "(unparseable connection string)";
export interface ConnectionHost {
    readonly host: string;
    readonly port: number | null;
}
export interface ParsedConnection {
    readonly form: 'url' | 'keyvalue';
    /** `postgres`, `postgresql`, … (URL form); null without a scheme. */
    readonly scheme: string | null;
    /** The slashes after `scheme:` as written (`//` in a proper URL). */
    readonly slashes: string;
    /** Decoded parts (a query's `user`, `host`, `port`, `dbname` override the URL's, as libpq and pg do). */
    readonly user: string | null;
    readonly hasPassword: boolean;
    readonly hosts: readonly ConnectionHost[];
    readonly database: string | null;
    /** Parameters (query string or key=value pairs), decoded, password included: never display these raw. */
    readonly params: readonly (readonly [string, string])[];
    /** The shape of a URL as written, password and query left out, for display. */
    readonly display: string;
}
/** True for what a person passes as a connection string (so it may hold a password), rather than a path. */
export declare function looksLikeConnectionString(text: string): boolean;
/** A connection string's parts, or null when it cannot be read unambiguously. */
export declare function parseConnectionString(text: string): ParsedConnection | null;
/** A connection string as a person may see it: the password `***`, a URL's query left out; `(unparseable connection string)` when it cannot be parsed. */
export declare function redactConnectionString(text: string): string;
/** The URL as a person may see it (see {@link redactConnectionString}). */
export declare function redactUrl(url: string): string;
/** A value the user passed (a path, or maybe a connection string), as a one-line message may show it. */
export declare function displayInput(value: string): string;
/**
 * Text with every connection string of `texts` (words of a text that look
 * like one) replaced as a whole by its redacted form. Parses; never searches
 * for a password's value.
 */
export declare function redactCredentials(text: string): string;
/**
 * Text with each of the given connection strings, wherever it occurs whole
 * (as written, or as a JSON string would quote it), replaced by its
 * redacted form; then any other URL-like word redacted by
 * {@link redactCredentials}. The password's value alone is never searched
 * for: messages must be built from parsed parts (see the module comment).
 */
export declare function redactSecrets(text: string, connectionStrings: readonly string[]): string;
