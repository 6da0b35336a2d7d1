/** Compare composite and range types: presence, then kind, attributes or range definition. */
import { diffKeyed } from '../../diff/diff-keyed.js';
import type { Comparison, FindingObject } from '../../findings/finding.js';
import { describedBy, qualified } from '../../findings/words.js';
import { objectKey, quoteIdent } from '../../model/identifiers.js';
import { typeAspects, type TypeFinding, type TypeShape } from './findings.js';
import type { UserType } from './model.js';

function typeObject(t: UserType): FindingObject {
  return { schema: t.schema, type: t.name };
}

function shape(t: UserType): TypeShape {
  return { kind: t.kind, attributes: t.attributes, range: t.range };
}

/** `(a integer, b text COLLATE "C")` or `RANGE (subtype numeric, canonical f)`: a type's definition in one line. */
export function typeText(t: TypeShape): string {
  if (t.kind === 'composite') {
    return `(${t.attributes.map((a) => `${quoteIdent(a.name)} ${a.type}${a.collation !== null ? ` COLLATE ${a.collation}` : ''}`).join(', ')})`;
  }
  const r = t.range!;
  const parts = [`subtype ${r.subtype}`];
  if (r.collation !== null) parts.push(`collation ${r.collation}`);
  if (r.canonical !== null) parts.push(`canonical ${r.canonical}`);
  if (r.subtypeDiff !== null) parts.push(`subtype_diff ${r.subtypeDiff}`);
  return `RANGE (${parts.join(', ')})`;
}

/** Match types by (schema, name) and compare those on both sides. */
export function compareTypes(expected: readonly UserType[], actual: readonly UserType[]): Comparison<TypeFinding> {
  const out: Comparison<TypeFinding> = { findings: [], present: [] };
  const diff = diffKeyed(expected, actual, (t) => objectKey(t.schema, t.name));
  for (const e of diff.missing) {
    out.findings.push({
      kind: 'missing_type',
      object: typeObject(e),
      expected: e,
      actual: null,
      message: `${e.kind} type ${qualified(e.schema, e.name)} is missing (expected ${typeText(e)})`,
    });
  }
  for (const a of diff.unexpected) {
    out.findings.push({
      kind: 'unexpected_type',
      object: typeObject(a),
      expected: null,
      actual: a,
      message: `${a.kind} type ${qualified(a.schema, a.name)} is not in the expected schema (${typeText(a)})`,
    });
  }
  for (const { expected: e, actual: a } of diff.common) {
    const differs = typeAspects(shape(e), shape(a)).length > 0;
    if (differs) {
      out.findings.push({
        kind: 'type_mismatch',
        object: typeObject(e),
        expected: shape(e),
        actual: shape(a),
        message: `type ${qualified(e.schema, e.name)} is ${a.kind} ${typeText(a)}, expected ${e.kind} ${typeText(e)}`,
      });
    }
    out.present.push({ kind: 'type', object: typeObject(e), ...describedBy(e.comment), identical: !differs });
  }
  return out;
}
