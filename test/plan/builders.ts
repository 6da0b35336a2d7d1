/** Builders for the model objects the plan creates for new ones (test/diff/builders.ts has tables, enums and their members). */
import type { Domain, Extension, Sequence } from '../../src/model/schema-model.js';

/** An integer sequence with PostgreSQL's defaults, owned by `ownedBy` (a serial column) or free-standing. */
export function sequence(schema: string, name: string, ownedBy: Sequence['ownedBy'] = null, over: Partial<Sequence> = {}): Sequence {
  return { schema, name, dataType: 'integer', start: '1', increment: '1', min: '1', max: '2147483647', cache: '1', cycle: false, ownedBy, identity: false, comment: null, ...over };
}

export function domain(schema: string, name: string, baseType: string, over: Partial<Domain> = {}): Domain {
  return { schema, name, baseType, notNull: false, default: null, checks: [], collation: null, comment: null, ...over };
}

export function extension(name: string, schema = 'public', over: Partial<Extension> = {}): Extension {
  return { name, schema, version: '1.0', relocatable: true, comment: null, ...over };
}
