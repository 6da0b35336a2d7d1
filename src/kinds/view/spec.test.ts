import { routine, view } from '../../../test/diff/builders.js';
import { loaded } from '../../../test/spec-ddl/builders.js';
import { meaningProblems, modelWith } from '../../../test/spec-file/unit-helpers.js';
import { fromModelContext } from '../../spec-file/model-to-spec.js';
import { specToDdl } from '../../spec-file/spec-to-ddl.js';
import { mentionedNames } from './ddl.js';
import { VIEW_SPEC } from './spec.js';

const long = 'x'.repeat(64);

describe('views: meaning', () => {
  test('names PostgreSQL would truncate; fields of a materialized view on a view; view options on a materialized view', () => {
    expect(
      meaningProblems({
        views: {
          [long]: { definition: 'SELECT 1' },
          v: { definition: 'SELECT 1', with_data: false, indexes: { i: 'CREATE INDEX i ON v (a)' } },
          mv: { definition: 'SELECT 1', materialized: true, options: { check_option: 'local', fillfactor: 70 } },
        },
      }),
    ).toEqual([
      `views.public.${long}: view name is 64 bytes long; PostgreSQL truncates names to 63 bytes`,
      'views.public.v.with_data: with_data applies to a materialized view only (add materialized: true)',
      'views.public.v.indexes: only a materialized view has indexes (add materialized: true)',
      'views.public.mv.options.check_option: check_option applies to a view, not a materialized view',
    ]);
  });

  test('a view is a relation: a table of its name collides', () => {
    expect(meaningProblems({ tables: { t: { columns: { a: { type: 'int' } } } }, views: { t: { definition: 'SELECT 1' } } })).toEqual([
      expect.stringContaining('views.public.t: view public.t has the same name as the table'),
    ]);
  });
});

describe('views: from the model', () => {
  test('the query, materialized, options as values, WITH NO DATA, indexes, the comment as description; keys qualified outside public', () => {
    const m = modelWith({
      views: [
        view('v', 'SELECT 1 AS one', { options: ['check_option=local', 'security_barrier=true'], comment: 'c' }),
        view('mv', 'SELECT 2 AS two', {
          schema: 'reporting',
          kind: 'materialized_view',
          options: ['fillfactor=70'],
          populated: false,
          indexes: [{ name: 'mv_two', definition: 'CREATE INDEX mv_two ON reporting.mv USING btree (two)' }],
        }),
      ],
    });
    expect(VIEW_SPEC.fromModel(fromModelContext(m))).toEqual({
      v: { definition: 'SELECT 1 AS one', options: { check_option: 'local', security_barrier: true }, description: 'c' },
      'reporting.mv': {
        definition: 'SELECT 2 AS two',
        materialized: true,
        options: { fillfactor: 70 },
        with_data: false,
        indexes: { mv_two: 'CREATE INDEX mv_two ON reporting.mv USING btree (two)' },
      },
    });
    expect(VIEW_SPEC.fromModel(fromModelContext(m, { schemas: ['other'] }))).toBeUndefined();
  });

  test('a view calling a function of the schema is written, with the views over it (the spec holds the function too)', () => {
    const fn = routine('group_concat', { kind: 'aggregate', arguments: 'text', returns: 'text', language: 'internal' });
    const m = modelWith({
      functions: [fn],
      views: [
        view('calls', 'SELECT group_concat(name) FROM t', { dependsOn: ['function:public\u0000group_concat\u0000text'] }),
        view('over', 'SELECT * FROM calls', { dependsOn: ['column:public\u0000calls\u0000group_concat'] }),
        view('ext', 'SELECT gen_random_uuid()', { dependsOn: ['function:extensions\u0000uuid_generate_v4\u0000'] }),
      ],
    });
    expect(Object.keys(VIEW_SPEC.fromModel(fromModelContext(m)) ?? {})).toEqual(['calls', 'over', 'ext']);
  });
});

describe('views: DDL', () => {
  test('names a query mentions, literals left out, folded as PostgreSQL folds them', () => {
    expect([...mentionedNames(`SELECT "Odd".a, B FROM s.v WHERE x = 'not_a_view'`)].sort()).toEqual(['Odd', 'a', 'b', 'from', 's', 'select', 'v', 'where', 'x']);
  });

  test('in the views phase, after tables, each view after those it reads, then by name; indexes after their view; comments last', () => {
    const ddl = specToDdl(
      loaded({
        tables: { t: { columns: { a: { type: 'int' } } } },
        views: {
          a_top: { definition: 'SELECT a FROM "Middle";' },
          Middle: { definition: 'SELECT a FROM base', options: { security_barrier: true }, description: "it's" },
          base: { definition: 'SELECT a FROM t', options: { check_option: 'cascaded' } },
          'r.mv': { definition: 'SELECT a FROM public.base', materialized: true, with_data: false, indexes: { mv_a: 'CREATE INDEX mv_a ON r.mv (a);' } },
        },
      }),
    );
    // A view's schema is created with the other objects' schemas, first.
    expect(ddl[0]).toEqual({ sql: 'CREATE SCHEMA IF NOT EXISTS r', path: ['views', 'r', 'mv'] });
    const views = ddl.filter((s) => s.path[0] === 'views').slice(1);
    expect(views.map((s) => s.sql)).toEqual([
      'CREATE VIEW public.base WITH (check_option = \'cascaded\') AS\nSELECT a FROM t',
      'CREATE VIEW public."Middle" WITH (security_barrier = \'true\') AS\nSELECT a FROM base',
      'CREATE VIEW public.a_top AS\nSELECT a FROM "Middle"',
      'CREATE MATERIALIZED VIEW IF NOT EXISTS r.mv AS\nSELECT a FROM public.base\nWITH NO DATA',
      'CREATE INDEX mv_a ON r.mv (a)',
      'COMMENT ON VIEW public."Middle" IS \'it\'\'s\'',
    ]);
    expect(views[0]?.path).toEqual(['views', 'public', 'base', 'definition']);
  });
});
