/** SQL for comments: COMMENT ON an object of any kind. */
import { quoteLiteral } from '../../model/identifiers.js';
/** `COMMENT ON <target> IS '<text>'`, or `IS NULL` to remove it; `target` is quoted already (`COLUMN public.t.c`). */
export function commentOnSql(target, comment) {
    return `COMMENT ON ${target} IS ${comment === null ? 'NULL' : quoteLiteral(comment)}`;
}
//# sourceMappingURL=sql.js.map