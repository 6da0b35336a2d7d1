/**
 * Guards on how the introspector walks the registry: what the compiler
 * cannot check about the kinds' catalogs. (The statement count on a real
 * server: test/introspect/query-count.test.ts.)
 */
import { KINDS } from '../../kinds/registry.js';
import { CatalogAssembler } from './catalog-assembler.js';
import type { StreamedStatement } from './kind-catalog.js';

const SCOPE = { schemas: undefined, major: 17 };

const containers = new Set(KINDS.filter((k) => k.catalog.role === 'container').map((k) => k.name));

describe('the kinds’ catalogs', () => {
  test.each(KINDS.map((k) => [k.name, k] as const))('%s: read on its own exactly when it has a section of the model', (_, kind) => {
    if (kind.catalog.role === 'member') {
      expect('container' in kind.placement && containers.has(kind.placement.container)).toBe(true);
    } else if (kind.catalog.role === 'none') {
      expect('across' in kind.placement).toBe(true);
    } else {
      expect('section' in kind.placement).toBe(true);
    }
  });

  test('every streamed statement returns the fields its assembler step reads', () => {
    const steps = new CatalogAssembler().steps;
    for (const kind of KINDS) {
      if (!('statements' in kind.catalog)) continue;
      for (const statement of kind.catalog.statements) expect(statement.query(SCOPE).fields).toBe(steps[statement.step].fields);
    }
  });

  test('the streamed statements come in the order the assembler needs, each step once', () => {
    const statements: StreamedStatement[] = KINDS.flatMap((k) => ('statements' in k.catalog ? [...k.catalog.statements] : []));
    expect(statements.map((s) => s.step)).toEqual(['table', 'column', 'indexExpression', 'index', 'referencedColumn', 'constraint', 'trigger', 'policy']);
  });

  test('29 statements whatever the size: the tables, BEGIN, LOCK, settings, server, one per section kind (privileges: one for every ACL), the streamed ones, one name lookup (operator classes and collations), the objects not compared, index usage, consistency check, COMMIT', () => {
    const sections = KINDS.filter((k) => k.catalog.role === 'section').length;
    const streamed = KINDS.reduce((n, k) => n + ('statements' in k.catalog ? k.catalog.statements.length : 0), 0);
    expect(5 + sections + streamed + 1 * containers.size + 1 + 1 + 1 + 1).toBe(29);
  });
});
