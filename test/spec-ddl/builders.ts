/**
 * Hand-built specs for the spec → DDL tests: a `SpecFile` as a person writes
 * it, turned into a `LoadedSpec` the way the loader keys it (qualified keys,
 * `public."Lead Notes"`), without files, validation or locations.
 */
import type { SchemaModel } from '../../src/model/schema-model.js';
import { qualifiedKey, splitQualified } from '../../src/spec/names.js';
import type { LoadedSpec, SpecFile } from '../../src/spec/spec-types.js';

export function loaded(file: SpecFile): LoadedSpec {
  const defaultSchema = file.schema ?? 'public';
  const section = <T>(objects: Readonly<Record<string, T>> | undefined): ReadonlyMap<string, T> =>
    new Map(
      Object.entries(objects ?? {}).map(([written, value]) => {
        const q = splitQualified(written, defaultSchema);
        return [qualifiedKey(q.schema, q.name), value];
      }),
    );
  return {
    files: ['spec.yaml'],
    sha256: '0'.repeat(64),
    extensions: file.extensions ?? [],
    schemas: file.schemas ?? [],
    enums: section(file.enums),
    domains: section(file.domains),
    sequences: section(file.sequences),
    tables: section(file.tables),
    ignore: file.ignore ?? [],
    severity: file.severity ?? {},
    locate: () => undefined,
  };
}

/** The parts of a model the spec describes: no views, functions, triggers or statistics. */
export function specPart(model: SchemaModel): unknown {
  return {
    enums: model.enums,
    domains: model.domains,
    sequences: model.sequences,
    tables: model.tables.map(({ rowEstimate: _rows, triggers: _triggers, ...rest }) => rest),
  };
}

export { pagilaSql } from '../support/pagila.js';
