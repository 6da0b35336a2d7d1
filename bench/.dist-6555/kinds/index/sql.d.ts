import type { Index } from './model.js';
/** A structural index as CREATE INDEX writes it; keys, method, predicate are SQL already. */
export interface IndexDefinition {
    readonly schema: string;
    readonly table: string;
    readonly name: string;
    readonly unique: boolean;
    /** Access method; null writes none (btree). */
    readonly method: string | null;
    /** Each key: `col`, `(expr)`, with COLLATE, operator class, DESC, NULLS. */
    readonly keys: readonly string[];
    readonly include: readonly string[];
    readonly nullsNotDistinct: boolean;
    readonly where: string | null;
}
export declare function createIndexFromDefinitionSql(d: IndexDefinition): string;
/** One key of an index: column or expression, collation, operator class, order, nulls order (all SQL already). */
export declare function indexKeySql(key: {
    readonly column?: string;
    readonly expression?: string;
    readonly collation?: string;
    readonly opclass?: string;
    readonly order?: 'asc' | 'desc';
    readonly nulls?: 'first' | 'last';
}): string;
export interface IndexSqlOptions {
    readonly concurrently: boolean;
    /** Build it under another name (an index rebuild's temporary name). */
    readonly name?: string;
}
/**
 * `CREATE [UNIQUE] INDEX [CONCURRENTLY] IF NOT EXISTS name ON table …` from
 * the definition `pg_get_indexdef` printed. `ON ONLY` (a partitioned
 * parent's index as printed) is dropped: the build must recurse into the
 * partitions.
 */
export declare function createIndexSql(index: Index, o: IndexSqlOptions): string;
/**
 * A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind, which
 * IF NOT EXISTS would then keep: drop it first, so a re-run rebuilds it.
 */
export declare function dropInvalidIndexSql(schema: string, name: string): string;
export declare function dropIndexSql(schema: string, name: string, concurrently: boolean): string;
/** `ALTER INDEX IF EXISTS from RENAME TO to`. */
export declare function renameIndexSql(schema: string, from: string, to: string): string;
/** `ALTER INDEX … SET (storage parameters)`. */
export declare function setIndexStorageSql(schema: string, name: string, parameters: string): string;
export declare function commentOnIndexSql(schema: string, name: string, comment: string): string;
