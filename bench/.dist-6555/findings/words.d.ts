/** Fold newlines and whitespace runs to single spaces. */
export declare function oneLine(text: string): string;
/** `public.leads` style display name of a qualified object. */
export declare function qualified(...parts: string[]): string;
export declare function plural(count: number, noun: string): string;
/** `'new', 'won'`, or `(none)`. */
export declare function labelList(values: readonly string[]): string;
/** The comment of an expected object, passed on as its description (absent when null). */
export declare function describedBy(comment: string | null): {
    description?: string;
};
