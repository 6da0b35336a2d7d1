/** A finding planned together with others of its kind, in the kind's create pass (a missing enum, table). */
export const IN_CREATE_PASS = 'planned in the create pass';
/** An unexpected object: kept unless `dropUnexpected`, then dropped in its kind's drop pass. */
export const IN_DROP_PASS = 'kept unless --drop-unexpected, then dropped in the drop pass';
//# sourceMappingURL=kind-plan.js.map