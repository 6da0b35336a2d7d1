import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../io/write-file.js';
import { backfillKey } from '../plan/types.js';
import { specExtension } from '../kinds/extension/spec.js';
import { specDatabaseDeclared, specRoleMappings } from '../kinds/privilege/spec.js';
import type { RoleMapping } from '../kinds/privilege/govern.js';
import type { InputLimits } from '../spec-file/input-limits.js';
import { splitQualified } from '../spec-file/names.js';
import type { LoadedSpec, SpecExtension } from '../spec-file/spec-types.js';
import { CACHE_FORMAT, entryPath, readEntry } from './model-cache.js';

/**
 * What an audit takes from a spec besides its model (issue 14's warm path):
 * kept in the expected-model cache next to the models, so that an audit
 * against an unchanged spec neither parses nor checks it — the files are
 * only read and hashed. One entry per spec content, tool version and node
 * limit (the model entries are per PostgreSQL major too): its presence also
 * says the spec passed every check that needs no database with this version
 * of the tool, which is what `audit` checks before it connects.
 *
 * Untrusted like every cache entry (model-cache.ts): read within the input
 * limits, its parts must match its name and each field its shape, or it is
 * ignored (and the spec parsed as without a cache).
 */
export interface SpecSummary {
  /** `extensions:` as written, each as `{ name, schema?, version? }`. */
  readonly extensions: readonly SpecExtension[];
  /** Columns' `backfill:`, as [backfillKey, SQL]. */
  readonly backfills: readonly (readonly [string, string])[];
  /** Ignore rules, with their owner, expiry and ticket (src/ack: an expired rule stops ignoring). */
  readonly ignore: readonly { readonly pattern: string; readonly reason: string; readonly kinds?: readonly string[]; readonly owner?: string; readonly expires?: string; readonly ticket?: string }[];
  readonly severity: Readonly<Record<string, string>>;
  /** The roles the spec governs (`roles:`). */
  readonly roles: readonly RoleMapping[];
  /** The spec writes `database: grants:` (the database's own privileges are compared then). */
  readonly databaseDeclared?: boolean;
}

export interface SpecSummaryKey {
  readonly contentSha256: string;
  readonly toolVersion: string;
  /** The node limit the spec was checked under: a lower one must check it again. */
  readonly maxNodes: number;
}

interface SummaryFile extends SpecSummaryKey {
  readonly schemaAuditCache: number;
  readonly key: string;
  readonly kind: 'spec-checked';
  readonly summary: SpecSummary;
}

export function specSummaryKey(p: SpecSummaryKey): string {
  const parts = { format: CACHE_FORMAT, kind: 'spec-checked', content: p.contentSha256, tool: p.toolVersion, maxNodes: p.maxNodes };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The summary of a loaded (valid) spec. */
export function specSummary(spec: LoadedSpec): SpecSummary {
  const backfills: [string, string][] = [];
  for (const [tableKey, table] of spec.tables) {
    const { schema, name } = splitQualified(tableKey, 'public');
    for (const [column, c] of Object.entries(table.columns)) {
      if (c.backfill !== undefined) backfills.push([backfillKey(schema, name, column), c.backfill]);
    }
  }
  return {
    extensions: spec.extensions.map((e) => {
      const { name, schema, version } = specExtension(e);
      return { name, ...(schema !== undefined ? { schema } : {}), ...(version !== undefined ? { version } : {}) };
    }),
    backfills,
    ignore: spec.ignore.map((r) => ({
      pattern: r.pattern,
      reason: r.reason,
      ...(r.kinds ? { kinds: [...r.kinds] } : {}),
      ...(r.owner !== undefined ? { owner: r.owner } : {}),
      ...(r.expires !== undefined ? { expires: r.expires } : {}),
      ...(r.ticket !== undefined ? { ticket: String(r.ticket) } : {}),
    })),
    severity: { ...spec.severity },
    roles: specRoleMappings(spec.roles),
    ...specDatabaseDeclared(spec),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnly = (o: Record<string, unknown>, keys: readonly string[]): boolean => Object.keys(o).every((k) => keys.includes(k));

function isSummary(s: unknown): s is SpecSummary {
  if (!isObject(s) || !hasOnly(s, ['extensions', 'backfills', 'ignore', 'severity', 'roles', 'databaseDeclared'])) return false;
  const { extensions, backfills, ignore, severity, roles, databaseDeclared } = s;
  return (
    Array.isArray(extensions) &&
    extensions.every((e) => isObject(e) && hasOnly(e, ['name', 'schema', 'version']) && isString(e.name) && ['schema', 'version'].every((k) => e[k] === undefined || isString(e[k]))) &&
    Array.isArray(backfills) &&
    backfills.every((b) => Array.isArray(b) && b.length === 2 && b.every(isString)) &&
    Array.isArray(ignore) &&
    ignore.every(
      (r) =>
        isObject(r) &&
        hasOnly(r, ['pattern', 'reason', 'kinds', 'owner', 'expires', 'ticket']) &&
        isString(r.pattern) &&
        isString(r.reason) &&
        (r.kinds === undefined || (Array.isArray(r.kinds) && r.kinds.every(isString))) &&
        ['owner', 'expires', 'ticket'].every((k) => r[k] === undefined || isString(r[k])),
    ) &&
    isObject(severity) &&
    Object.values(severity).every((v) => v === 'error' || v === 'warning' || v === 'info') &&
    Array.isArray(roles) &&
    roles.every((r) => isObject(r) && hasOnly(r, ['expected', 'live']) && isString(r.expected) && isString(r.live)) &&
    (databaseDeclared === undefined || databaseDeclared === true)
  );
}

/** The summary for `key`, or null (absent or unusable: `say` tells why). */
export function readSpecSummary(dir: string, key: SpecSummaryKey, limits: InputLimits, say: (message: string) => void): Promise<SpecSummary | null> {
  const name = specSummaryKey(key);
  return readEntry(entryPath(dir, name), limits, say, 'cache: this spec was not checked before with this version: checking it', (doc: Partial<SummaryFile>) => {
    const matches =
      doc.schemaAuditCache === CACHE_FORMAT &&
      doc.kind === 'spec-checked' &&
      doc.key === name &&
      doc.contentSha256 === key.contentSha256 &&
      doc.toolVersion === key.toolVersion &&
      doc.maxNodes === key.maxNodes;
    if (!matches || !isSummary(doc.summary)) throw new Error('not a spec summary for this spec and version');
    return doc.summary;
  });
}

/** Write the summary (atomically); a failure is only said. */
export function writeSpecSummary(dir: string, key: SpecSummaryKey, summary: SpecSummary, say: (message: string) => void): void {
  const name = specSummaryKey(key);
  const file = entryPath(dir, name);
  const doc: SummaryFile = { schemaAuditCache: CACHE_FORMAT, key: name, kind: 'spec-checked', ...key, summary };
  try {
    writeFileAtomic(file, `${JSON.stringify(doc)}\n`);
  } catch (err) {
    say(`cache: could not write ${file}: ${(err as Error).message}`);
  }
}
