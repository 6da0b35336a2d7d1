import { createSchemaSql } from '../schema/sql.js';
import { specExtension } from './spec.js';
import { createExtensionSql } from './sql.js';
export function extensionObjects(ctx) {
    const out = [];
    ctx.spec.extensions.forEach((item, i) => {
        const path = ['extensions', String(i)];
        const { name, schema, version } = specExtension(item);
        const given = ctx.hooks.extension?.(name);
        const options = given?.options ?? { ...(schema !== undefined ? { schema } : {}), ...(version !== undefined ? { version } : {}) };
        const own = given !== undefined ? given.schema : schema !== undefined && schema !== 'public' ? schema : null;
        if (own)
            out.push({ sql: createSchemaSql(own), path });
        out.push({ sql: createExtensionSql(name, options), path });
    });
    return out;
}
//# sourceMappingURL=ddl.js.map