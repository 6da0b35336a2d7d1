import type { SchemaModel } from '../model/schema-model.js';
/**
 * PostgreSQL's deparsed text is not always a fixed point of parse → deparse:
 * `status IN ('a', 'b')` on a varchar column prints as
 * `(status)::text = ANY ((ARRAY['a'::character varying, ...])::text[])`, and
 * that text, parsed again (as it is when a spec bootstrapped by `snapshot` is
 * loaded), prints as `... ANY (ARRAY[('a'::character varying)::text, ...])`.
 * Same expression, different text.
 *
 * So when an expected and a live expression differ as text (a check, a
 * column default or generation expression, an index predicate), we ask the
 * scratch server holding the expected schema: each text is parsed and
 * deparsed once more on a temporary copy of the table, and if either side's
 * canonical text equals the other's, they are the same expression and the
 * live model takes the expected text. Everything else is left for the diff.
 * Runs only on mismatches, in one transaction that is rolled back, on the
 * scratch database's unprivileged connection, each text in one statement
 * sent alone.
 */
export declare function reconcileExpressions(expected: SchemaModel, live: SchemaModel, scratchUrl: string): Promise<SchemaModel>;
