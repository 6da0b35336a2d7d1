/** decodeViews on rows captured from PostgreSQL 17 (viewsQuery). */
import { decodeViews, type RawViewRow } from './catalog.js';

const ROWS: RawViewRow[] = [
  { schema: 'app', name: 'v', relkind: 'v', comment: 'a view' },
  { schema: 'app', name: 'mv', relkind: 'm', comment: null },
];

describe('decodeViews', () => {
  test("relkind 'v' is a view, 'm' a materialized view; sorted by name", () => {
    expect(decodeViews(ROWS)).toEqual([
      { schema: 'app', name: 'mv', kind: 'materialized_view', comment: null },
      { schema: 'app', name: 'v', kind: 'view', comment: 'a view' },
    ]);
  });
});
