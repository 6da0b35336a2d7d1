/**
 * A spec as a folder (`snapshot --out DIR/`): the layout a team reviews one
 * table at a time, read back by `audit --expected DIR/` (src/spec-file/
 * load-spec.ts loads every .yaml/.json below a folder and merges them).
 *
 *     DIR/.schema-audit-snapshot      what this snapshot wrote (src/io/write-folder.ts)
 *     DIR/spec.yaml                   version, roles, database, schemas, extensions, default_privileges
 *     DIR/<schema>/tables/<table>.yaml   one file per table (partitions too)
 *     DIR/<schema>/enums.yaml         and collations, domains, types, sequences,
 *                                     functions, views: one file per section
 *
 * Each file holds the objects exactly as the one-file spec writes them (the
 * same keys: unqualified in `public`, `schema.name` elsewhere), so the
 * merged folder is the one-file spec. Folder and file names come from
 * database names through {@link safeFileName}.
 */
import { MAP_SECTIONS } from '../spec-file/sections.js';
import { splitQualified } from '../spec-file/names.js';
import { SPEC_VERSION, type SpecFile } from '../spec-file/spec-types.js';
import { safeFileName } from './file-names.js';

export interface SpecFolderFile {
  /** Relative path, `/`-separated. */
  readonly name: string;
  readonly spec: SpecFile;
}

const MAP_KEYS = new Set(MAP_SECTIONS.map(({ section }) => section.key));

/** The spec cut into the folder's files, in a stable order (see the module comment). */
export function splitSpec(spec: SpecFile, ext: 'yaml' | 'json'): SpecFolderFile[] {
  const written = spec as Readonly<Record<string, unknown>>;
  const top: Record<string, unknown> = { version: SPEC_VERSION };
  const perSection = new Map<string, Record<string, unknown>>();
  const tables: SpecFolderFile[] = [];
  for (const [key, value] of Object.entries(written)) {
    if (key === 'version') continue;
    if (!MAP_KEYS.has(key) || value === null || typeof value !== 'object') {
      top[key] = value;
      continue;
    }
    for (const [objectKey, object] of Object.entries(value as Record<string, unknown>)) {
      const { schema, name } = splitQualified(objectKey, 'public');
      const folder = safeFileName(schema);
      if (key === 'tables') {
        tables.push({ name: `${folder}/tables/${safeFileName(name)}.${ext}`, spec: { version: SPEC_VERSION, tables: { [objectKey]: object } } as unknown as SpecFile });
        continue;
      }
      const file = `${folder}/${key}.${ext}`;
      let section = perSection.get(file);
      if (section === undefined) {
        section = {};
        perSection.set(file, section);
      }
      section[objectKey] = object;
    }
  }
  const sections = [...perSection].map(([name, objects]) => {
    const key = name.slice(name.indexOf('/') + 1, name.lastIndexOf('.'));
    return { name, spec: { version: SPEC_VERSION, [key]: objects } as unknown as SpecFile };
  });
  return [{ name: `spec.${ext}`, spec: top as unknown as SpecFile }, ...sections, ...tables];
}
