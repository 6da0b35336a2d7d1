/** `COMMENT ON <target> IS '<text>'`, or `IS NULL` to remove it; `target` is quoted already (`COLUMN public.t.c`). */
export declare function commentOnSql(target: string, comment: string | null): string;
