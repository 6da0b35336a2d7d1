import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';
import { pagilaSql } from './pagila.js';

/**
 * Every schema fixture as `[name, sql]`: pagila, both OneKeel schemas, and
 * each drift case's `live.sql` and `expected.sql` — the schemas a round trip
 * (snapshot → audit, snapshot → DDL → reload) must survive.
 */
export function schemaFixtures(): [string, string][] {
  const drift = path.join(ROOT, 'fixtures', 'drift');
  const onekeel = (file: string): string => readFileSync(path.join(ROOT, 'fixtures', 'onekeel-swarm', file), 'utf8');
  return [
    ['pagila', pagilaSql()],
    ['onekeel current', onekeel('current.sql')],
    ['onekeel expected', onekeel('expected.sql')],
    ...readdirSync(drift, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        ['live.sql', 'expected.sql']
          .filter((f) => readdirSync(path.join(drift, d.name)).includes(f))
          .map((f): [string, string] => [`drift/${d.name}/${f}`, readFileSync(path.join(drift, d.name, f), 'utf8')]),
      ),
  ];
}
