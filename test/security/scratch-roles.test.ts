import { connectClient } from '../../src/db/connect.js';
import { withScratchDatabase } from '../../src/expected/scratch.js';
import { parseMajor } from '../../src/server/binaries.js';
import { adminUrl } from '../support/db.js';
import { randomRoleName } from '../introspect/helpers.js';

/**
 * The roles a scratch database is prepared with come from untrusted text (a
 * spec's roles:, a SQL source, the audited database's grantees for
 * --verify): a predefined role is never handed to the loader (a spec naming
 * pg_read_all_data must not let the loader read every database of the
 * server), a name that would break out of SQL is only a name.
 */
const major = parseMajor(process.env.PG_MAJOR ?? '17');

test('a predefined pg_ role is unusable and not granted to the loader; an odd name is created as written', async () => {
  const odd = `${randomRoleName('odd')}"; CREATE ROLE x SUPERUSER; --`;
  const seen = await withScratchDatabase({ major, serverUrl: adminUrl(), roles: ['pg_read_all_data', 'pg_monitor', odd], what: 'the test' }, async (url, scratch) => {
    const c = await connectClient(url);
    try {
      const { rows } = await c.query<{ role: string; member: boolean; usable: boolean }>(
        `SELECT r AS role, pg_has_role(current_user, r, 'MEMBER') AS member, pg_has_role(current_user, r, 'USAGE') AS usable
         FROM unnest($1::text[]) r ORDER BY 1`,
        [['pg_read_all_data', 'pg_monitor', odd]],
      );
      return { rows, unusable: [...scratch.unusableRoles].sort() };
    } finally {
      await c.end();
    }
  });
  expect(seen.unusable).toEqual(['pg_monitor', 'pg_read_all_data']);
  expect(seen.rows).toEqual(
    [
      { role: 'pg_monitor', member: false, usable: false },
      { role: 'pg_read_all_data', member: false, usable: false },
      { role: odd, member: true, usable: true },
    ].sort((a, b) => (a.role < b.role ? -1 : 1)),
  );
  const admin = await connectClient(adminUrl());
  try {
    expect((await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = 'x'`)).rowCount).toBe(0);
    await admin.query(`DROP ROLE IF EXISTS "${odd.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
});
