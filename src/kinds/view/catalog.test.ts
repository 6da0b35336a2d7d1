/** decodeViews on rows captured from PostgreSQL 17 (viewsQuery). */
import { decodeViews, type RawViewRow } from './catalog.js';

const BASE: Omit<RawViewRow, 'schema' | 'name' | 'relkind'> = {
  comment: null,
  definition: null,
  columns: null,
  options: null,
  populated: true,
  indexes: null,
  reltuples: -1,
  depends: null,
  triggers: null,
};

describe('decodeViews', () => {
  test("relkind 'v' is a view, 'm' a materialized view; sorted by name", () => {
    const rows: RawViewRow[] = [
      { ...BASE, schema: 'app', name: 'v', relkind: 'v', comment: 'a view', definition: ' SELECT 1 AS one;' },
      { ...BASE, schema: 'app', name: 'mv', relkind: 'm', definition: ' SELECT 1 AS one;' },
    ];
    expect(decodeViews(rows).map((v) => [v.name, v.kind, v.comment, v.definition])).toEqual([
      ['mv', 'materialized_view', null, 'SELECT 1 AS one'],
      ['v', 'view', 'a view', 'SELECT 1 AS one'],
    ]);
  });

  test('columns in order, options sorted, indexes by name, dependencies as ref keys, the row estimate of a materialized view', () => {
    const [v] = decodeViews([
      {
        ...BASE,
        schema: 'public',
        name: 'mv',
        relkind: 'm',
        definition: ' SELECT id,\n    name\n   FROM t;',
        columns: '[["id", "integer"], ["name", "text"]]',
        options: ['fillfactor=70', 'autovacuum_enabled=false'],
        populated: false,
        indexes: '[["mv_name", "CREATE INDEX mv_name ON public.mv USING btree (name)"], ["mv_id", "CREATE UNIQUE INDEX mv_id ON public.mv USING btree (id)"]]',
        reltuples: '1200',
        depends: '[["column", "public", "t", "name"], ["column", "public", "t", "id"], ["relation", "public", "t"]]',
      },
    ]);
    expect(v).toEqual({
      schema: 'public',
      name: 'mv',
      kind: 'materialized_view',
      definition: 'SELECT id,\n    name\n   FROM t',
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'name', type: 'text' },
      ],
      options: ['autovacuum_enabled=false', 'fillfactor=70'],
      populated: false,
      indexes: [
        { name: 'mv_id', definition: 'CREATE UNIQUE INDEX mv_id ON public.mv USING btree (id)' },
        { name: 'mv_name', definition: 'CREATE INDEX mv_name ON public.mv USING btree (name)' },
      ],
      rowEstimate: 1200,
      comment: null,
      triggers: [],
      dependsOn: ['column:public\u0000t\u0000id', 'column:public\u0000t\u0000name', 'relation:public\u0000t'],
    });
  });

  test("a view's triggers: decoded as a table's (its own relation left out of dependsOn), sorted by name", () => {
    const [v] = decodeViews([
      {
        ...BASE,
        schema: 'public',
        name: 'v',
        relkind: 'v',
        // Captured from PostgreSQL 15 (the dependsOn of `tr` added).
        triggers:
          '[["tr", "O", "CREATE TRIGGER tr INSTEAD OF INSERT ON public.v FOR EACH ROW EXECUTE FUNCTION f()", "f", "public", "f", "[[\\"function\\", \\"public\\", \\"f\\", \\"\\"], [\\"relation\\", \\"public\\", \\"v\\"]]", null], ' +
          '["st", "O", "CREATE TRIGGER st BEFORE INSERT ON public.v FOR EACH STATEMENT EXECUTE FUNCTION f()", "f", "public", "f", null, "stmt"]]',
      },
    ]);
    expect(v?.triggers).toEqual([
      {
        name: 'st',
        enabled: 'origin',
        definition: 'CREATE TRIGGER st BEFORE INSERT ON public.v FOR EACH STATEMENT EXECUTE FUNCTION f()',
        constraint: false,
        function: 'function:public\u0000f\u0000',
        dependsOn: [],
        comment: 'stmt',
      },
      {
        name: 'tr',
        enabled: 'origin',
        definition: 'CREATE TRIGGER tr INSTEAD OF INSERT ON public.v FOR EACH ROW EXECUTE FUNCTION f()',
        constraint: false,
        function: 'function:public\u0000f\u0000',
        dependsOn: ['function:public\u0000f\u0000'],
        comment: null,
      },
    ]);
  });

  test('a view is always populated and has no row estimate', () => {
    const [v] = decodeViews([{ ...BASE, schema: 'public', name: 'v', relkind: 'v', populated: false, reltuples: '5' }]);
    expect([v?.populated, v?.rowEstimate]).toEqual([true, null]);
  });
});
