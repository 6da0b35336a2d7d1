/**
 * A collation made by `CREATE COLLATION` (not PostgreSQL's own, not an
 * extension's). Its version (`pg_collation.collversion`) is not part of the
 * model: it is the version of the operating system's or ICU's library, which
 * differs between machines without any change to the schema.
 */
export interface Collation {
  readonly schema: string;
  readonly name: string;
  /** `pg_collation.collprovider`: libc, icu, or builtin (PostgreSQL 17+). */
  readonly provider: 'libc' | 'icu' | 'builtin';
  /**
   * The locale: ICU's or the builtin provider's, or libc's when LC_COLLATE
   * and LC_CTYPE are the same (then `lcCollate` and `lcCtype` are null).
   */
  readonly locale: string | null;
  /** libc only, when it differs from LC_CTYPE: LC_COLLATE. */
  readonly lcCollate: string | null;
  /** libc only, when it differs from LC_COLLATE: LC_CTYPE. */
  readonly lcCtype: string | null;
  /** ICU tailoring rules (`rules`, PostgreSQL 16+), or null. */
  readonly rules: string | null;
  /** False for a nondeterministic collation (equal strings that differ in bytes). */
  readonly deterministic: boolean;
  readonly comment: string | null;
}
