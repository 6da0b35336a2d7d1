/**
 * Hand-built specs for the spec → DDL tests: a `SpecFile` as a person writes
 * it, turned into a `LoadedSpec` the way the loader keys it (qualified keys,
 * `public."Lead Notes"`), without files, validation or locations.
 */
import type { SchemaModel } from '../../src/model/schema-model.js';
import { inMemorySpec } from '../../src/spec-file/in-memory-spec.js';
import type { LoadedSpec, SpecFile } from '../../src/spec-file/spec-types.js';

export function loaded(file: SpecFile): LoadedSpec {
  return inMemorySpec(file, 'spec.yaml');
}

/** The parts of a model the spec describes: no functions, triggers or statistics (views calling the schema's functions are left out). */
export function specPart(model: SchemaModel): unknown {
  return {
    enums: model.enums,
    domains: model.domains,
    sequences: model.sequences,
    // A child's column inherited only, or also local, is not compared, and a spec (so the DDL made from
    // one) lists every column of an inheritance child: reloaded, each is local too. Known limitation.
    tables: model.tables.map(({ rowEstimate: _rows, triggers: _triggers, ...rest }) => ({
      ...rest,
      columns: rest.columns.map(({ inherited: _inherited, ...c }) => c),
    })),
    views: model.views.map(({ rowEstimate: _rows, ...rest }) => rest),
  };
}

export { pagilaSql } from '../support/pagila.js';
