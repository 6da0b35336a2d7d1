/**
 * A section catalog from the kind's statement (run through kysely, object
 * rows, pg-types parsing) and its pure decoder.
 */
export function sectionCatalog(query, decode) {
    return {
        role: 'section',
        read: async (db, scope) => decode((await query(scope).execute(db)).rows),
    };
}
//# sourceMappingURL=kind-catalog.js.map