/**
 * The spec's `collations:` section: collations (`CREATE COLLATION`) by name.
 *
 *   collations:
 *     numeric: { provider: icu, locale: en-u-kn-true }
 *     app.case_insensitive: { provider: icu, locale: und-u-ks-level2, deterministic: false }
 *     posix: { locale: POSIX }
 *
 * The version is never written nor compared: it is the operating system's
 * or ICU's library version, not the schema's.
 */
import { setOwn } from '../../model/own.js';
import { flag, objectsByName, text } from '../../spec-file/json-schema.js';
import { specName } from '../../spec-file/names.js';
import { unlessEmpty, type MapSection, type Mutable } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import type { Collation } from './model.js';

/** A collation as a spec writes it. */
export interface SpecCollation {
  /** libc (the default), icu, or builtin (PostgreSQL 17+). */
  readonly provider?: 'libc' | 'icu' | 'builtin';
  readonly locale?: string;
  readonly lcCollate?: string;
  readonly lcCtype?: string;
  /** ICU tailoring rules (PostgreSQL 16+). */
  readonly rules?: string;
  /** False for a nondeterministic collation; true when left out. */
  readonly deterministic?: boolean;
  readonly description?: string;
}

const KEY = 'collations';

export function collationSpec(c: Collation): SpecCollation {
  const out: Mutable<SpecCollation> = { provider: c.provider };
  if (c.locale !== null) out.locale = c.locale;
  if (c.lcCollate !== null) out.lcCollate = c.lcCollate;
  if (c.lcCtype !== null) out.lcCtype = c.lcCtype;
  if (c.rules !== null) out.rules = c.rules;
  if (!c.deterministic) out.deterministic = false;
  if (c.comment !== null) out.description = c.comment;
  return out;
}

/** The `collations:` section. */
export const COLLATION_SPEC: MapSection<SpecCollation> = {
  key: KEY,
  shape: 'map',
  jsonSchema: {
    property: objectsByName('Collations by name (`numeric` or `app.ci`), as CREATE COLLATION makes them.', 'collation'),
    definitions: {
      collation: {
        description: 'A collation: its provider and locale (or LC_COLLATE and LC_CTYPE), ICU rules, whether it is deterministic. Its version is not compared.',
        type: 'object',
        additionalProperties: false,
        anyOf: [{ required: ['locale'] }, { required: ['lcCollate', 'lcCtype'] }],
        properties: {
          provider: { description: 'libc (the default), icu, or builtin (PostgreSQL 17+).', enum: ['libc', 'icu', 'builtin'] },
          locale: text('The locale (ICU: a language tag; libc: LC_COLLATE and LC_CTYPE at once).', ['en-u-kn-true', 'POSIX']),
          lcCollate: text('libc: LC_COLLATE, with lcCtype instead of locale.'),
          lcCtype: text('libc: LC_CTYPE, with lcCollate instead of locale.'),
          rules: text('ICU tailoring rules (PostgreSQL 16+).', ['&a < g']),
          deterministic: flag('False for a nondeterministic collation (ICU); true when left out.'),
          description: text('What the collation is for (its COMMENT).'),
        },
      },
    },
  },
  names: () => [],
  check(context, objects) {
    for (const { q, value } of objects) {
      const base = [KEY, q.schema, q.name];
      context.checkNameLength(q.name, base, 'collation');
      if (isRecord(value) && value.locale !== undefined && (value.lcCollate !== undefined || value.lcCtype !== undefined)) {
        context.report(base, 'write either locale or lcCollate and lcCtype, not both');
      }
    }
  },
  fromModel({ model, inScope }) {
    const collations: Record<string, SpecCollation> = {};
    for (const c of model.collations) if (inScope(c.schema)) setOwn(collations, specName(c.schema, c.name), collationSpec(c));
    return unlessEmpty(collations);
  },
  layout: (collations) => ({ flow: Object.keys(collations).map((name) => [name]), spaced: false }),
};
