// Types of catalog-compare.mjs (plain JavaScript, loaded as it is by node and jest).

/**
 * Which schemas are read (null: every user schema), which are left out, and
 * whether extensions are compared ('additions': the second database's must be
 * in the first; the first's others are not differences).
 */
export interface CatalogScope {
  readonly schemas: readonly string[] | null;
  readonly excludeSchemas: readonly string[];
  readonly extensions: boolean | 'additions';
}

export const DEFAULT_SCOPE: CatalogScope;

/** One catalog fact: `kind` and `name` identify it, `detail` holds what is compared. */
export interface CatalogEntry {
  readonly kind: string;
  readonly name: string;
  readonly detail: string;
}

/** A difference: the entry's key (`kind name`) and each side's detail (null: the side lacks it). */
export interface CatalogDifference {
  readonly key: string;
  readonly a: string | null;
  readonly b: string | null;
}

export interface CatalogComparison {
  readonly equal: boolean;
  readonly entries: { readonly a: number; readonly b: number };
  readonly differences: readonly CatalogDifference[];
  /** The first difference in words, or null. */
  readonly first: string | null;
}

/** The SQL of each area (each returns rows kind, name, detail). */
export const CATALOG_QUERIES: Readonly<Record<string, string>>;

export function readCatalog(url: string, scope?: CatalogScope): Promise<CatalogEntry[]>;
export function diffCatalogs(a: readonly CatalogEntry[], b: readonly CatalogEntry[]): CatalogDifference[];
export function oneLine(text: string, max?: number): string;
export function describeDifference(d: CatalogDifference, names?: { readonly a: string; readonly b: string }): string;
export function compareDatabases(
  urlA: string,
  urlB: string,
  scope?: CatalogScope,
  names?: { readonly a: string; readonly b: string },
): Promise<CatalogComparison>;
