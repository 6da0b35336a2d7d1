/** decodeTrigger on rows captured from PostgreSQL 17 (triggersQuery, array row mode). */
import type { RowOf } from '../../introspect/postgres/stream-rows.js';
import { TRIGGER_FIELDS, decodeTrigger } from './catalog.js';
import type { TriggerEnabled } from './model.js';

type TriggerRow = RowOf<typeof TRIGGER_FIELDS>;

const TOUCH = 'function:app\u0000touch\u0000';

describe('decodeTrigger', () => {
  test.each<[string, TriggerRow, TriggerEnabled]>([
    ["tgenabled 'O' (origin and local)", ['16420', 'trg_touch', 'O', 'CREATE TRIGGER trg_touch BEFORE UPDATE ON app.parent FOR EACH ROW EXECUTE FUNCTION app.touch()', 'f', 'app', 'touch', null, null], 'origin'],
    ["tgenabled 'D' (DISABLE TRIGGER)", ['16420', 'trg_off', 'D', 'CREATE TRIGGER trg_off AFTER INSERT ON app.parent FOR EACH ROW EXECUTE FUNCTION app.touch()', 'f', 'app', 'touch', null, null], 'disabled'],
    ["tgenabled 'R' (ENABLE REPLICA)", ['16420', 'trg_r', 'R', 'CREATE TRIGGER trg_r AFTER INSERT ON app.parent FOR EACH ROW EXECUTE FUNCTION app.touch()', 'f', 'app', 'touch', null, null], 'replica'],
    ["tgenabled 'A' (ENABLE ALWAYS)", ['16420', 'trg_a', 'A', 'CREATE TRIGGER trg_a AFTER INSERT ON app.parent FOR EACH ROW EXECUTE FUNCTION app.touch()', 'f', 'app', 'touch', null, null], 'always'],
  ])('%s', (_, row, enabled) => {
    expect(decodeTrigger(row, 'app', 'parent')).toEqual({
      name: row[1],
      enabled,
      definition: row[3],
      constraint: false,
      function: TOUCH,
      dependsOn: [],
      comment: null,
    });
  });

  test('a quoted name kept as the catalog holds it; a constraint trigger; its dependencies without its own table; its comment', () => {
    const row: TriggerRow = [
      '16420',
      'Audit',
      'O',
      'CREATE CONSTRAINT TRIGGER "Audit" AFTER UPDATE OF price ON app.parent DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "Odd".f()',
      't',
      'Odd',
      'f',
      '[["relation","app","parent"],["column","app","parent","price"],["function","Odd","f",""]]',
      'Audits',
    ];
    expect(decodeTrigger(row, 'app', 'parent')).toEqual({
      name: 'Audit',
      enabled: 'origin',
      definition: row[3],
      constraint: true,
      function: 'function:Odd\u0000f\u0000',
      dependsOn: ['column:app\u0000parent\u0000price', 'function:Odd\u0000f\u0000'],
      comment: 'Audits',
    });
  });
});
