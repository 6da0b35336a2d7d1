/** Domains from the catalog: `pg_type` (typtype 'd') with their CHECK constraints. */
import { type RawBuilder } from 'kysely';
import { type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import type { Domain } from './model.js';
/** A row of {@link domainsQuery}. */
export interface RawDomainRow {
    schema: string;
    name: string;
    base_type: string;
    not_null: boolean;
    default: string | null;
    /** Named only when it is not the base type's collation. */
    collation: string | null;
    comment: string | null;
    /** [name, definition] pairs in name order; null when the domain has no check. */
    checks: [string, string][] | null;
}
/** The domains in scope. */
export declare function domainsQuery({ schemas }: CatalogScope): RawBuilder<RawDomainRow>;
/** The model's domains, sorted by schema and name (code-unit order). */
export declare function decodeDomains(rows: readonly RawDomainRow[]): Domain[];
/** How domains are read: see kind-catalog.ts. */
export declare const DOMAIN_CATALOG: import("../../introspect/postgres/kind-catalog.js").SectionCatalog;
