import { createHash } from 'node:crypto';
import { qualifiedKey, splitQualified } from './names.js';
import type { LoadedSpec, SpecFile, SpecTable } from './spec-types.js';

/**
 * A spec built in code (by `modelToSpec`, or by hand in a test) as a
 * {@link LoadedSpec}, the shape `specToDdl` takes: keys qualified the way the
 * loader qualifies them (`public."Lead Notes"`), a partition without
 * `columns` given an empty map, as the loader gives it.
 *
 * Not validated and without source locations (`locate` finds nothing): the
 * spec is trusted, as one `modelToSpec` wrote from a live database is. A
 * spec a person wrote goes through `loadSpec` instead.
 */
export function inMemorySpec(file: SpecFile, name = '(in memory)'): LoadedSpec {
  const defaultSchema = file.schema ?? 'public';
  const section = <T>(objects: Readonly<Record<string, T>> | undefined): ReadonlyMap<string, T> =>
    new Map(
      Object.entries(objects ?? {}).map(([written, value]) => {
        const q = splitQualified(written, defaultSchema);
        return [qualifiedKey(q.schema, q.name), value];
      }),
    );
  const tables = new Map(
    [...section(file.tables)].map(([key, t]): [string, SpecTable] => [key, t.columns === undefined ? { ...t, columns: {} } : t]),
  );
  return {
    files: [name],
    sha256: createHash('sha256').update(JSON.stringify(file)).digest('hex'),
    extensions: file.extensions ?? [],
    schemas: file.schemas ?? [],
    enums: section(file.enums),
    domains: section(file.domains),
    sequences: section(file.sequences),
    tables,
    ignore: file.ignore ?? [],
    severity: file.severity ?? {},
    locate: () => undefined,
  };
}
