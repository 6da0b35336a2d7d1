import { wholeObject } from '../kind.js';
import { routineAspects } from './shape.js';
export const FUNCTION_FINDINGS = {
    // Calls fail, and so do the defaults, checks, triggers and views that use it.
    missing_function: { severity: 'error', effect: 'missing', noun: { one: 'missing function', many: 'missing functions' }, aspects: wholeObject },
    // Something extra the application does not call (or an overload that may be called instead of the expected one).
    unexpected_function: {
        severity: 'info',
        effect: 'unexpected',
        noun: { one: 'unexpected function', many: 'unexpected functions' },
        aspects: wholeObject,
    },
    // It runs, but does something else (another body), or under other rules (security definer, search_path).
    function_definition_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'function definition difference', many: 'function definition differences' },
        aspects: routineAspects,
    },
};
//# sourceMappingURL=findings.js.map