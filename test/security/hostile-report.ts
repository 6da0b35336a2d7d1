/**
 * Reports whose every name, comment, path and message comes from a list of
 * hostile strings: built from real models with the diff builders and the
 * real pipeline (`audit()`: diff, advice, plan), so every renderer sees what
 * a database or a spec could hand it. Names are valid PostgreSQL
 * identifiers (at most 63 bytes, no NUL), so the SQL can be applied.
 */
import type { AuditReport } from '../../src/audit.js';
import { audit } from '../../src/audit.js';
import { quoteIdent } from '../../src/model/identifiers.js';
import type { Index, SchemaModel } from '../../src/model/schema-model.js';
import { check, col, enumType, model, pk, table } from '../diff/builders.js';

/** Hostile fragments: line breaks of every kind, SQL and psql syntax, markdown and HTML syntax, terminal escapes. */
export const HOSTILE = [
  '\nDROP TABLE guard.victim;--',
  '\r\\! touch pwned\r',
  '\n\\! touch pwned\n',
  '\u2028DROP TABLE guard.victim;',
  '\u2029# heading\u0085x',
  '*/ DROP TABLE guard.victim; /*',
  '\u001b[31mred\u001b]0;title\u0007',
  '\u000b\f\u009b2J',
  '$$ DROP TABLE guard.victim; $$',
  "'; DROP TABLE guard.victim; --",
  '"; DROP TABLE guard.victim; --',
  '\n# heading <script>alert(1)</script>',
  '| a | b |\n|---|---|',
  '```\n## fenced',
  '~~~\n---',
  '`code` [link](http://x) ![i](y)',
  '<img src=x onerror=alert(1)>',
  '-- \\ \\\\ \\n',
  '\u202eevil\u202c\u2066x\u2069',
  ':var :"ident" :\'lit\'',
  '\\gexec \\o /tmp/x',
] as const;

/** A seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'b', ' ', '#', '|', '`', '<', '>', '*', '_', '[', ']', '(', ')', '!', '\\', '-', '$', "'", '"', ';', '/', '\n', '\r', '\t', '\u001b', '\u0007', '\u2028', '\u2029', '\u0085', '\u202e', '&', 'é', '~', ':', '{', '}'];

/** A random hostile string: a hostile fragment with random noise around it, at most `maxBytes` UTF-8 bytes. */
export function hostileString(random: () => number, maxBytes = 63): string {
  const base = HOSTILE[Math.floor(random() * HOSTILE.length)]!;
  let s: string = base;
  const extra = Math.floor(random() * 8);
  for (let i = 0; i < extra; i++) {
    const ch = ALPHABET[Math.floor(random() * ALPHABET.length)]!;
    s = random() < 0.5 ? ch + s : s + ch;
  }
  while (Buffer.byteLength(s) > maxBytes) s = s.slice(0, -1);
  return s;
}

/** Distinct hostile names, each prefixed with a letter and a number so they stay distinct after truncation. */
export function hostileNames(random: () => number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `n${i}${hostileString(random, 58)}`);
}

function index(schema: string, tableName: string, name: string, column: string): Index {
  return {
    comment: null,
    name,
    method: 'btree',
    unique: false,
    primary: false,
    keys: [{ column, expression: null, order: 'asc', nulls: 'last', opclass: null, collation: null }],
    include: [],
    where: null,
    nullsNotDistinct: false,
    valid: true,
    constraint: null,
    definition: `CREATE INDEX ${quoteIdent(name)} ON ${quoteIdent(schema)}.${quoteIdent(tableName)} USING btree (${quoteIdent(column)})`,
  };
}

function pkIndex(tableName: string, name: string, column: string): Index {
  return { ...index('public', tableName, name, column), unique: true, primary: true, constraint: name, definition: `CREATE UNIQUE INDEX ${quoteIdent(name)} ON public.${quoteIdent(tableName)} USING btree (${quoteIdent(column)})` };
}

/** The live and expected models: one shared table (with a missing column, check, index and comment), a missing table, an enum with a missing value, a manual type change, a kept table. */
export function hostileModels(names: readonly string[]): { live: SchemaModel; expected: SchemaModel } {
  const n = (i: number): string => names[i % names.length]!;
  const [t1, t2, t3, t4] = [n(0), n(1), n(2), n(3)];
  const pkName = `${t1.slice(0, 40)}_pk`;
  const shared = table(t1, {
    comment: n(4),
    columns: [col('id', 'integer', { position: 1, nullable: false }), col(n(5), 'integer', { position: 2, comment: n(6) })],
    indexes: [pkIndex(t1, pkName, 'id')],
    constraints: [{ ...pk(pkName, ['id']), definition: 'PRIMARY KEY (id)' }],
  });
  const kept = table(t4, { columns: [col(n(7), 'text', { position: 1 })] });
  const liveEnum = enumType(n(8), [n(9), n(10)], { comment: n(11) });
  const live = model({ tables: [shared, kept], enums: [liveEnum] });
  const newColumn = n(12);
  const expectedShared = table(t1, {
    ...shared,
    columns: [
      shared.columns[0]!,
      col(n(5), 'text', { position: 2, comment: n(6) }),
      col(newColumn, 'integer', { position: 3, comment: n(13) }),
    ],
    indexes: [...shared.indexes, index('public', t1, n(14), newColumn)],
    constraints: [...shared.constraints, check(n(15), `(${quoteIdent(newColumn)} > 0)`, [newColumn], { definition: `CHECK ((${quoteIdent(newColumn)} > 0))` })],
  });
  const missing = table(t2, {
    comment: n(16),
    columns: [col(n(17), 'text', { position: 1, comment: n(18) }), col(t3, 'integer', { position: 2 })],
  });
  const expected = model({
    tables: [expectedShared, missing],
    enums: [{ ...liveEnum, values: [n(9), n(19), n(10)] }],
  });
  return { live, expected };
}

/** A full report (drift, advice, remediation with steps, hazards, a manual step and a kept table) over hostile names and texts. */
export function hostileReport(names: readonly string[], texts: { database: string; location: string; source: string; host: string; user: string }): AuditReport {
  const { live, expected } = hostileModels(names);
  return audit({
    live: {
      model: live,
      server: { version: '17.10', major: 17, database: texts.database, user: texts.user },
      target: { host: texts.host, port: 5432, user: texts.user, location: texts.location },
    },
    expected: { model: expected, kind: 'spec', source: texts.source, sha256: '0'.repeat(64) },
    toolVersion: '0.1.0',
    generatedAt: '2026-01-31T09:00:00.000Z',
    advice: { enabled: true },
    remediation: {},
  });
}
