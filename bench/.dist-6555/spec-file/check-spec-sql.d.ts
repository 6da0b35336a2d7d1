import { type SqlFragmentChecker } from './expressions.js';
import type { SpecProblem } from './spec-section.js';
import type { LoadedSpec } from './spec-types.js';
export declare function checkSpecSqlWith(checker: SqlFragmentChecker, spec: LoadedSpec): SpecProblem[];
/** Problems with the spec's SQL fragments (none when every one is what it stands for). */
export declare function checkSpecSql(spec: LoadedSpec): Promise<SpecProblem[]>;
