export { planRemediation, isSafeWidening, leftAfterRollback, rowsText, type PlanInput } from './plan.js';
export { renderMigration, type MigrationFiles, type MigrationHeader } from './render-sql.js';
export * from './types.js';
