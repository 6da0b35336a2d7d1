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
export declare function integers(text: string | null): number[];
