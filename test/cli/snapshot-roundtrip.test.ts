import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../support/db.js';
import { runCliHere, driftFindings } from '../support/cli.js';
import { schemaFixtures } from '../support/schema-fixtures.js';

/**
 * The snapshot round trip on every fixture: the snapshot (spec format) of a
 * database, audited against that same database, finds nothing. Also each
 * fixture's own expected schema audited against itself.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'sa-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases = schemaFixtures();

test.each(cases)('%s: snapshot, then audit against it: no finding', async (name, ddl) => {
  const db = await createTestDatabase('roundtrip');
  try {
    await db.exec(ddl);
    const spec = path.join(dir, `${name.replace(/\W+/g, '_')}.yaml`);
    const snap = await runCliHere(['snapshot', '--db', db.url, '--out', spec]);
    expect(snap.stderr).toBe('');
    expect(snap.code).toBe(0);
    const r = await runCliHere(['audit', '--db', db.url, '--expected', spec, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(driftFindings(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  } finally {
    await db.drop();
  }
});
