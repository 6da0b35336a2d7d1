export { planRemediation, leftAfterRollback, type PlanInput } from './plan.js';
export { rowsText } from './context.js';
export { isSafeWidening } from '../kinds/column/plan-alter.js';
export { renderMigration, type MigrationFiles, type MigrationHeader } from './render-sql.js';
export * from './types.js';
