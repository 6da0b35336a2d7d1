/** Enum types: `CREATE TYPE ... AS ENUM`, compared label by label. */
import type { ObjectKind } from '../kind.js';
import { ENUM_CATALOG } from './catalog.js';
import { compareEnums } from './compare.js';
import { ENUM_FINDINGS, type EnumFinding } from './findings.js';

export const enumKind: ObjectKind<EnumFinding> = {
  name: 'enum',
  noun: { one: 'enum', many: 'enums' },
  placement: { section: 'enums' },
  objectField: 'enum',
  findings: ENUM_FINDINGS,
  compare: (expected, actual, inScope) =>
    compareEnums(
      expected.enums.filter((e) => inScope(e.schema)),
      actual.enums.filter((e) => inScope(e.schema)),
    ),
  listsMissingApart: false,
  catalog: ENUM_CATALOG,
};
