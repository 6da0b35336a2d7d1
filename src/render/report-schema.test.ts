/**
 * Guards on the report's JSON Schema (report.schema.json, a file users and
 * editors read): its enums and the finding object's fields are checked
 * against the code, so a kind added to the registry, an advice check or a
 * field of FindingObject cannot be forgotten there.
 */
import { ADVICE_KINDS } from '../advice/index.js';
import type { FindingObject } from '../findings/finding.js';
import { FINDING_KINDS } from '../findings/kinds.js';
import { KINDS } from '../kinds/registry.js';
import { PLAN_PHASES } from '../plan/types.js';
import { reportJsonSchema } from './report-schema.js';

interface SchemaPart {
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, SchemaPart>>;
  readonly items?: SchemaPart;
}

/** The parts of the schema these guards read. */
const schema = reportJsonSchema() as unknown as {
  readonly definitions: Readonly<Record<'driftKind' | 'adviceKind' | 'object', SchemaPart>>;
  readonly properties: { readonly present: SchemaPart };
};

/** Every field of a finding object; the two checks below make the compiler hold this list to FindingObject. */
const OBJECT_FIELDS = ['schema', 'table', 'column', 'index', 'constraint', 'trigger', 'policy', 'enum', 'view', 'value', 'extension', 'domain', 'type', 'collation', 'sequence', 'kind', 'eventTrigger', 'function', 'arguments'] as const satisfies readonly (keyof FindingObject)[];
const OBJECT_FIELDS_COMPLETE: [Exclude<keyof FindingObject, (typeof OBJECT_FIELDS)[number]>] extends [never] ? true : never = true;

describe('report.schema.json agrees with the code', () => {
  test('driftKind lists the finding kinds, in report order', () => {
    expect(schema.definitions.driftKind.enum).toEqual([...FINDING_KINDS]);
  });

  test('adviceKind lists the advice kinds, in report order', () => {
    expect(schema.definitions.adviceKind.enum).toEqual([...ADVICE_KINDS]);
  });

  test('a present object is of a kind that is compared: the kinds with finding kinds (the others report nothing; the comment and privilege kinds have no objects)', () => {
    const compared = KINDS.filter((k) => Object.keys(k.findings).length > 0 && !('across' in k.placement) && k.name !== 'privilege').map((k) => k.name);
    expect([...(schema.properties.present.items?.properties?.kind?.enum ?? [])].sort()).toEqual([...compared].sort());
  });

  test('a step’s phase is one of the plan’s phases, in their order', () => {
    const text = JSON.stringify(reportJsonSchema());
    const phases = /"phase":\{"enum":(\[[^\]]*\])/.exec(text)?.[1];
    expect(JSON.parse(phases ?? '[]')).toEqual([...PLAN_PHASES]);
  });

  test("a finding's object has exactly FindingObject's fields", () => {
    expect(OBJECT_FIELDS_COMPLETE).toBe(true);
    expect(Object.keys(schema.definitions.object.properties ?? {}).sort()).toEqual([...OBJECT_FIELDS].sort());
  });
});
