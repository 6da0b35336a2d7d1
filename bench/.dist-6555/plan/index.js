export { planRemediation, leftAfterRollback } from './plan.js';
export { rowsText } from './context.js';
export { isSafeWidening } from '../kinds/column/plan-alter.js';
export { renderMigration } from './render-sql.js';
export * from './types.js';
//# sourceMappingURL=index.js.map