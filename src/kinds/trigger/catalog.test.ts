/** decodeTrigger on rows captured from PostgreSQL 17 (triggersQuery, array row mode). */
import type { RowOf } from '../../introspect/postgres/stream-rows.js';
import { TRIGGER_FIELDS, decodeTrigger } from './catalog.js';

type TriggerRow = RowOf<typeof TRIGGER_FIELDS>;

describe('decodeTrigger', () => {
  test.each<[string, TriggerRow, boolean]>([
    ["tgenabled 'O' (origin and local): enabled", ['16420', 'trg_touch', 'O', 'CREATE TRIGGER trg_touch BEFORE UPDATE ON app.parent FOR EACH ROW EXECUTE FUNCTION app.touch()'], true],
    ["tgenabled 'D' (ALTER TABLE ... DISABLE TRIGGER): disabled", ['16452', 'trg_off', 'D', 'CREATE TRIGGER trg_off AFTER INSERT ON app.child FOR EACH ROW EXECUTE FUNCTION app.touch()'], false],
    [
      'a quoted name, kept as the catalog holds it',
      ['16420', 'Audit', 'O', 'CREATE TRIGGER "Audit" AFTER DELETE ON app.parent FOR EACH ROW EXECUTE FUNCTION app.touch()'],
      true,
    ],
  ])('%s', (_, row, enabled) => {
    expect(decodeTrigger(row)).toEqual({ name: row[1], enabled, definition: row[3] });
  });
});
