/**
 * What a spec leaves out, the expected model must not demand. A spec is
 * loaded into a scratch server and read back (load-spec-source.ts), so the
 * model holds whatever that server filled in; this takes back what the
 * spec did not say:
 * - an extension's version, unless the spec writes one: any version will
 *   do (null);
 * - a comment the spec does not write (an object without `description:`,
 *   and every schema, extension, sequence and constraint comment, which the
 *   spec has no field for, or which the scratch server made: the stock
 *   comment of `public`, an extension's control-file comment): not governed,
 *   the expected model takes the database's, so neither a finding nor a
 *   COMMENT … IS NULL that would wipe documentation.
 * SQL files and reference databases say everything: a comment they lack is
 * no comment, and a version is the one they installed.
 *
 * A kind whose objects carry comments and whose spec section has no
 * `description:` for them (views, functions, triggers...) adds itself here.
 */
import { objectKey } from '../model/identifiers.js';
import type { Column, Constraint, Index, SchemaModel, Table } from '../model/schema-model.js';
import { specExtension, type SpecExtension } from '../kinds/extension/spec.js';

/** Comments of the live model, by kind and key. */
class LiveComments {
  private readonly comments = new Map<string, string | null>();

  constructor(live: SchemaModel) {
    const set = (key: string, comment: string | null | undefined): void => void this.comments.set(key, comment ?? null);
    for (const s of live.schemas) set(objectKey('schema', s.name), s.comment);
    for (const e of live.extensions) set(objectKey('extension', e.name), e.comment);
    for (const c of live.collations) set(objectKey('collation', c.schema, c.name), c.comment);
    for (const e of live.enums) set(objectKey('type', e.schema, e.name), e.comment);
    for (const d of live.domains) set(objectKey('type', d.schema, d.name), d.comment);
    for (const t of live.types) set(objectKey('type', t.schema, t.name), t.comment);
    for (const s of live.sequences) set(objectKey('sequence', s.schema, s.name), s.comment);
    for (const t of live.tables) {
      set(objectKey('table', t.schema, t.name), t.comment);
      for (const c of t.columns) set(objectKey('column', t.schema, t.name, c.name), c.comment);
      for (const i of t.indexes) set(objectKey('index', t.schema, t.name, i.name), i.comment);
      for (const k of t.constraints) set(objectKey('constraint', t.schema, t.name, k.name), k.comment);
    }
  }

  /** The expected comment when the spec wrote one (`always`: never governed), else the database's (or none). */
  take(comment: string | null, ...key: string[]): string | null {
    return comment !== null ? comment : (this.comments.get(objectKey(...key)) ?? null);
  }

  always(...key: string[]): string | null {
    return this.comments.get(objectKey(...key)) ?? null;
  }
}

function table(t: Table, live: LiveComments): Table {
  const { schema, name } = t;
  return {
    ...t,
    comment: live.take(t.comment, 'table', schema, name),
    columns: t.columns.map((c): Column => ({ ...c, comment: live.take(c.comment, 'column', schema, name, c.name) })),
    indexes: t.indexes.map((i): Index => ({ ...i, comment: live.take(i.comment, 'index', schema, name, i.name) })),
    constraints: t.constraints.map((k): Constraint => ({ ...k, comment: live.always('constraint', schema, name, k.name) })),
  };
}

/**
 * The expected model of a spec, without what the spec does not say (see the
 * module comment): `extensions`, the spec's; `live` absent: comments as loaded.
 */
export function specExpectations(expected: SchemaModel, extensions: readonly SpecExtension[], live: SchemaModel | undefined): SchemaModel {
  const pinned = new Set(extensions.map(specExtension).flatMap((e) => (e.version !== undefined ? [e.name] : [])));
  const versionless = { ...expected, extensions: expected.extensions.map((e) => (pinned.has(e.name) ? e : { ...e, version: null })) };
  if (live === undefined) return versionless;
  const comments = new LiveComments(live);
  return {
    ...versionless,
    schemas: expected.schemas.map((s) => ({ ...s, comment: comments.always('schema', s.name) })),
    extensions: versionless.extensions.map((e) => ({ ...e, comment: comments.always('extension', e.name) })),
    collations: expected.collations.map((c) => ({ ...c, comment: comments.take(c.comment, 'collation', c.schema, c.name) })),
    enums: expected.enums.map((e) => ({ ...e, comment: comments.take(e.comment, 'type', e.schema, e.name) })),
    domains: expected.domains.map((d) => ({ ...d, comment: comments.take(d.comment, 'type', d.schema, d.name) })),
    types: expected.types.map((t) => ({ ...t, comment: comments.take(t.comment, 'type', t.schema, t.name) })),
    sequences: expected.sequences.map((s) => ({ ...s, comment: comments.always('sequence', s.schema, s.name) })),
    tables: expected.tables.map((t) => table(t, comments)),
  };
}
