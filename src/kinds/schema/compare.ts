/** Compare schemas: presence (by name). Their objects, comments, owners and grants are other kinds'. */
import { diffKeyed } from '../../diff/diff-keyed.js';
import type { Comparison, FindingObject } from '../../findings/finding.js';
import { qualified } from '../../findings/words.js';
import type { SchemaFinding } from './findings.js';
import type { SchemaInfo } from './model.js';

export function schemaObject(s: { readonly name: string }): FindingObject {
  return { schema: s.name };
}

export function compareSchemas(expected: readonly SchemaInfo[], actual: readonly SchemaInfo[]): Comparison<SchemaFinding> {
  const out: Comparison<SchemaFinding> = { findings: [], present: [] };
  const diff = diffKeyed(expected, actual, (s) => s.name);
  for (const e of diff.missing) {
    out.findings.push({ kind: 'missing_schema', object: schemaObject(e), expected: e, actual: null, message: `schema ${qualified(e.name)} is missing` });
  }
  for (const a of diff.unexpected) {
    out.findings.push({
      kind: 'unexpected_schema',
      object: schemaObject(a),
      expected: null,
      actual: a,
      message: `schema ${qualified(a.name)} is not in the expected schema`,
    });
  }
  // Schemas present on both sides are not listed as present objects: the report's counts are of what they hold.
  return out;
}
