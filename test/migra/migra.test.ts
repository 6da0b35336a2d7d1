import path from 'node:path';
import { knownFailingSource, listCases, REPO_ROOT, runCases, suiteDir, textTable, verdict, type CaseResult } from '../../scripts/migra-lib.mjs';
import { adminUrl } from '../support/db.js';

/**
 * migra's schema-diff suite (../shared/outside-suites/migra beside the clone;
 * see its README), run as `npm run migra` runs it (scripts/migra-lib.mjs):
 * each case audited by the built CLI with --drop-unexpected, up.sql and
 * down.sql applied twice with psql, A compared with b.sql and then with a.sql
 * by the runner's own catalog comparison. Every case must be confirmed, but
 * those in KNOWN_FAILING; a case there that is now confirmed fails the test
 * until it is removed, so the list stays honest.
 *
 * After a change: `MIGRA_UPDATE=1` prints the table and the map for the
 * current results (reasons are the first difference; shorten them by hand).
 */
const KNOWN_FAILING: Readonly<Record<string, string>> = {};


const DIR = suiteDir();
const CASES = DIR ? listCases(DIR) : [];
const results = new Map<string, CaseResult>();

if (!DIR) {
  // CI keeps shared/ beside the clone: a missing suite is a broken checkout, not a pass.
  test('the migra suite is beside the clone', () => {
    throw new Error(`the migra suite is absent: ${path.resolve(REPO_ROOT, '..', 'shared', 'outside-suites', 'migra')}`);
  });
} else {
  beforeAll(async () => {
    for (const r of await runCases(adminUrl(), DIR, CASES, { concurrency: 2 })) results.set(r.name, r);
    if (process.env.MIGRA_UPDATE) {
      const all = CASES.map((n) => results.get(n)!);
      process.stdout.write(`\n${textTable(all)}\n\n${knownFailingSource(all)}\n`);
    }
    // A case took 10-15 s with two at a time on 2 busy cores (26 cases: about 4 minutes); 120 s a case.
  }, CASES.length * 120_000);

  test('the suite has its 26 cases, and KNOWN_FAILING names only cases of it', () => {
    expect(CASES).toHaveLength(26);
    expect(Object.keys(KNOWN_FAILING).filter((name) => !CASES.includes(name))).toEqual([]);
  });

  test.each(CASES)('%s', (name) => {
    const r = results.get(name);
    if (!r) throw new Error(`case ${name} did not run`);
    // Not listed: confirmed, else everything wrong is shown; listed: not confirmed, else "remove it from KNOWN_FAILING".
    expect(verdict(r, KNOWN_FAILING[name])).toBeNull();
  });
}
