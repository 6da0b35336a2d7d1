import { schemaObjects } from './ddl.js';
import { SCHEMA_SPEC } from './spec.js';
import { SCHEMA_CATALOG } from './catalog.js';
import { schemaComments } from './comments.js';
export const schemaKind = {
    name: 'schema',
    noun: { one: 'schema', many: 'schemas' },
    placement: { section: 'schemas' },
    objectField: null,
    findings: {},
    compare: null,
    listsMissingApart: false,
    ddl: { objects: schemaObjects },
    plan: { findings: {} },
    words: {},
    spec: SCHEMA_SPEC,
    catalog: SCHEMA_CATALOG,
    comments: schemaComments,
};
//# sourceMappingURL=index.js.map