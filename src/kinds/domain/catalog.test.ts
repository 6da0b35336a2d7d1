/** decodeDomains on rows captured from PostgreSQL 17 (domainsQuery). */
import { decodeDomains, type RawDomainRow } from './catalog.js';

const ROWS: RawDomainRow[] = [
  // create domain app.email as text collate "C" default 'x@example.com' not null check (...) check (...)
  {
    schema: 'app',
    name: 'email',
    base_type: 'text',
    not_null: true,
    default: "'x@example.com'::text",
    collation: 'C',
    comment: null,
    checks: [
      ['email_check', "CHECK (VALUE ~~ '%@%'::text)"],
      ['email_check1', 'CHECK (length(VALUE) < 200)'],
    ],
  },
  // create domain app.plain as varchar(10): no check, so json_agg gives NULL
  { schema: 'app', name: 'plain', base_type: 'character varying(10)', not_null: false, default: null, collation: null, comment: null, checks: null },
  // create domain app.positive as integer check (value > 0), commented
  {
    schema: 'app',
    name: 'positive',
    base_type: 'integer',
    not_null: false,
    default: null,
    collation: null,
    comment: 'above zero',
    checks: [['positive_check', 'CHECK (VALUE > 0)']],
  },
];

describe('decodeDomains', () => {
  test('base type, NOT NULL, default, collation, comment; checks as named definitions in name order', () => {
    expect(decodeDomains(ROWS)).toEqual([
      {
        schema: 'app',
        name: 'email',
        baseType: 'text',
        notNull: true,
        default: "'x@example.com'::text",
        checks: [
          { name: 'email_check', definition: "CHECK (VALUE ~~ '%@%'::text)" },
          { name: 'email_check1', definition: 'CHECK (length(VALUE) < 200)' },
        ],
        collation: 'C',
        comment: null,
      },
      { schema: 'app', name: 'plain', baseType: 'character varying(10)', notNull: false, default: null, checks: [], collation: null, comment: null },
      {
        schema: 'app',
        name: 'positive',
        baseType: 'integer',
        notNull: false,
        default: null,
        checks: [{ name: 'positive_check', definition: 'CHECK (VALUE > 0)' }],
        collation: null,
        comment: 'above zero',
      },
    ]);
  });

  test('sorted by schema and name', () => {
    expect(decodeDomains([...ROWS].reverse()).map((d) => d.name)).toEqual(['email', 'plain', 'positive']);
  });
});
