/**
 * What the kinds' DDL builders (`src/kinds/<kind>/ddl.ts`) share while the
 * spec (or a model, through its spec) becomes DDL: the spec, the schemas it
 * names, how a type it writes resolves to one of its enums or domains, its
 * tables as a partition tree, and the hooks through which `modelToDdl` says
 * what the spec cannot (see DdlHooks). Built once by `specToDdl`.
 */
import { IDENTIFIER_PATTERN, qualifiedName, unquoteIdent } from '../model/identifiers.js';
import { qualifiedKey, splitQualified } from './names.js';
/**
 * The phases of the DDL, in order: every kind's objects (in registry order:
 * schemas, extensions, types, sequences, tables), then table constraints,
 * then what links objects created earlier (a sequence's OWNED BY), then
 * indexes, then comments.
 */
export const DDL_PHASES = ['objects', 'constraints', 'links', 'indexes', 'views', 'triggers', 'comments'];
const BARE_TYPE = new RegExp(String.raw `^\s*(${IDENTIFIER_PATTERN})(\s*(?:\[\s*\d*\s*\]\s*)*|\s+ARRAY\s*(?:\[\s*\d*\s*\])?\s*)$`, 'i');
const QUALIFIED_TYPE = new RegExp(String.raw `^\s*(${IDENTIFIER_PATTERN})\s*\.\s*(${IDENTIFIER_PATTERN})\s*(?:\[\s*\d*\s*\]\s*)*$`);
export function buildDdlContext(spec, parts) {
    const knownSchemas = new Set([...parts.schemas, 'public', 'pg_catalog', 'information_schema']);
    /** Definitions of user types by unqualified name → the schemas that define one. */
    const typeSchemas = new Map();
    for (const key of [...spec.enums.keys(), ...spec.domains.keys()]) {
        const { schema, name } = splitQualified(key, 'public');
        const list = typeSchemas.get(name) ?? [];
        if (!list.includes(schema))
            list.push(schema);
        typeSchemas.set(name, list);
    }
    const isUserType = (schema, name) => spec.enums.has(qualifiedKey(schema, name)) || spec.domains.has(qualifiedKey(schema, name));
    const resolveBare = (typeText, contextSchema) => {
        const m = BARE_TYPE.exec(typeText);
        if (!m)
            return null;
        const name = unquoteIdent(m[1]);
        const candidates = typeSchemas.get(name);
        if (!candidates)
            return null;
        const schema = candidates.includes(contextSchema)
            ? contextSchema
            : candidates.includes('public')
                ? 'public'
                : candidates.length === 1
                    ? candidates[0]
                    : null;
        return schema === null ? null : { schema, name, suffix: m[2] };
    };
    return {
        spec,
        knownSchemas,
        tables: parts.tables,
        identitySequences: parts.identitySequences,
        hooks: parts.hooks,
        typeSql(typeText, contextSchema) {
            const r = resolveBare(typeText, contextSchema);
            if (!r || r.schema === 'public')
                return typeText;
            const suffix = r.suffix.trim();
            return `${qualifiedName(r.schema, r.name)}${suffix === '' ? '' : suffix.startsWith('[') ? suffix : ` ${suffix}`}`;
        },
        userType(typeText, contextSchema) {
            const bare = resolveBare(typeText, contextSchema);
            if (bare)
                return { schema: bare.schema, name: bare.name };
            const m = QUALIFIED_TYPE.exec(typeText);
            if (!m)
                return null;
            const q = { schema: unquoteIdent(m[1]), name: unquoteIdent(m[2]) };
            return isUserType(q.schema, q.name) ? q : null;
        },
    };
}
//# sourceMappingURL=ddl-context.js.map