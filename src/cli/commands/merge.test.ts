import { fleetReport, type FleetTargetResult } from '../../fleet/fleet-report.js';
import { mergeFleetReports } from './merge.js';

const t = (name: string, exitCode = 0): FleetTargetResult => ({ name, location: `h:5432/${name}`, exitCode, expected: 's.sql', findings: [] });
const shard = (index: number, count: number, targets: FleetTargetResult[], at = '2026-12-03T20:00:00.000Z') =>
  fleetReport(targets, [{ server: 'h:1', like: 'x%', error: 'refused' }], { version: '1', generatedAt: at, shard: { index, count } });

test('shards merge into the whole fleet: targets sorted, a discovery failure once, the latest time, the worst exit code', () => {
  const merged = mergeFleetReports([
    { shown: 'b.json', report: shard(2, 2, [t('z', 1), t('a')], '2026-12-03T20:05:00.000Z') },
    { shown: 'a.json', report: shard(1, 2, [t('m')]) },
  ]);
  expect(merged.targets.map((x) => x.name)).toEqual(['a', 'm', 'z']);
  expect(merged.discoveryFailures).toHaveLength(1);
  expect(merged.shard).toBeUndefined();
  expect(merged.generatedAt).toBe('2026-12-03T20:05:00.000Z');
  expect(merged.exitCode).toBe(3);
});

test('not the shards of one split: exit 2 with what is wrong', () => {
  expect(() => mergeFleetReports([{ shown: 'a', report: shard(1, 2, [t('a')]) }, { shown: 'b', report: shard(1, 2, [t('b')]) }])).toThrow('shard 1/2 is given twice (a and b)');
  expect(() => mergeFleetReports([{ shown: 'a', report: shard(1, 2, [t('a')]) }, { shown: 'b', report: shard(2, 3, [t('b')]) }])).toThrow('not the shards of one split');
  expect(() => mergeFleetReports([{ shown: 'a', report: shard(1, 3, [t('a')]) }])).toThrow('shards 2/3, 3/3 missing');
  expect(() => mergeFleetReports([{ shown: 'a', report: shard(1, 2, [t('a')]) }, { shown: 'b', report: shard(2, 2, [t('a')]) }])).toThrow('the target "a" is in two reports');
});
