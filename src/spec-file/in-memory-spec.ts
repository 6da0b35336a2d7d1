import { createHash } from 'node:crypto';
import { assembleLoadedSpec, loadedNode } from './loaded-spec.js';
import { qualifiedKey, splitQualified } from './names.js';
import { LIST_SECTIONS, MAP_SECTIONS } from './sections.js';
import type { ListItem } from './spec-section.js';
import type { LoadedSpec, SpecFile } from './spec-types.js';

/**
 * A spec built in code (by `modelToSpec`, or by hand in a test) as a
 * {@link LoadedSpec}, the shape `specToDdl` takes: keys qualified the way the
 * loader qualifies them (`public."Lead Notes"`), each node as the loader
 * hands it on (a partition without `columns` given an empty map).
 *
 * Not validated and without source locations (`locate` finds nothing): the
 * spec is trusted, as one `modelToSpec` wrote from a live database is. A
 * spec a person wrote goes through `loadSpec` instead.
 */
export function inMemorySpec(file: SpecFile, name = '(in memory)'): LoadedSpec {
  const defaultSchema = file.schema ?? 'public';
  const written = file as Readonly<Record<string, unknown>>;
  const maps = MAP_SECTIONS.map(({ section }) => {
    const objects = (written[section.key] ?? {}) as Readonly<Record<string, unknown>>;
    const byKey = new Map(
      Object.entries(objects).map(([key, value]) => {
        const q = splitQualified(key, defaultSchema);
        return [qualifiedKey(q.schema, q.name), loadedNode(section, value)];
      }),
    );
    return [section.key, byKey] as const;
  });
  const lists = LIST_SECTIONS.map(({ section }) => [section.key, (written[section.key] ?? []) as readonly ListItem[]] as const);
  return assembleLoadedSpec({
    files: [name],
    sha256: createHash('sha256').update(JSON.stringify(file)).digest('hex'),
    lists: new Map(lists),
    maps: new Map(maps),
    ignore: file.ignore ?? [],
    severity: file.severity ?? {},
    roles: file.roles ?? [],
    defaultPrivileges: file.default_privileges ?? [],
    ...(file.database !== undefined ? { database: file.database } : {}),
    locate: () => undefined,
  });
}
