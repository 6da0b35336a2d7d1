/** The plan's part for schemas: not compared, created for the new objects that need them. */
import { displayName } from '../../model/identifiers.js';
import { stmt } from '../../plan/statements.js';
import { createSchemaSql, dropSchemaIfEmptySql } from './sql.js';
/** CREATE SCHEMA for a new object in a schema the database lacks, once (in the step of the first finding that needs it). */
export function ensureSchema(ctx, schema, findingId) {
    if (ctx.live.schemas.has(schema) || !ctx.firstTime(`schema ${schema}`))
        return;
    ctx.add({
        object: displayName(schema),
        phase: 'schemas',
        findingIds: [findingId],
        summary: `create schema ${displayName(schema)}`,
        up: [stmt(createSchemaSql(schema))],
        down: [stmt(dropSchemaIfEmptySql(schema))],
        hazards: [],
    });
}
//# sourceMappingURL=plan.js.map