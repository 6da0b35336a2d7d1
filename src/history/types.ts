/**
 * The report's `history` object and its parts (a leaf module: audit.ts
 * names the type, the history modules build it).
 */
import type { CatalogObject } from './catalog-identity.js';

export interface DatabaseIdentity {
  /** `pg_control_system().system_identifier` where readable, else null. */
  readonly systemIdentifier: string | null;
  readonly database: string;
  readonly serverVersion: string;
  /** `host:port/database`: what identifies the database when the system identifier is unknown. */
  readonly location: string;
}

/** A finding as the report's `history` lists it. */
export interface HistoryEntry {
  readonly id: string;
  readonly kind: string;
  readonly severity: string;
  /** When a run first saw it open (for one that came back: this run). */
  readonly firstSeen: string;
  /** Resolved findings: this run; came back: when it had been resolved. */
  readonly resolvedAt?: string;
  /** Its id in the previous run, when a rename changed it. */
  readonly previousId?: string;
  /** The commit time of its table's (view's, sequence's) catalog row, where track_commit_timestamp is on. */
  readonly committedAt?: string;
}

export interface HistoryRename {
  readonly kind: CatalogObject['kind'];
  readonly oid: number;
  readonly from: string;
  readonly to: string;
  readonly committedAt?: string;
  /** The new findings the rename explains (`missing_table` of the old name, `unexpected_table` of the new one): not listed under `new`. */
  readonly findings: readonly string[];
}

/** The report's `history` object. */
export interface ReportHistory {
  /** The run compared with; null on the first run of this database. */
  readonly previous: { readonly generatedAt: string; readonly from: 'history' | 'report'; readonly database: DatabaseIdentity } | null;
  readonly database: DatabaseIdentity;
  readonly fingerprint: string;
  /** Whether the live model differs from the previous run's; null when unknown (no previous run, or a report). */
  readonly modelChanged: boolean | null;
  /** Whether catalog rows' commit times were read (track_commit_timestamp on). */
  readonly commitTimestamps: boolean;
  /** Whether anything changed since the previous run (new, resolved, came back, renamed); true on a first run with findings. */
  readonly changed: boolean;
  readonly new: readonly HistoryEntry[];
  readonly open: readonly HistoryEntry[];
  readonly resolved: readonly HistoryEntry[];
  readonly cameBack: readonly HistoryEntry[];
  readonly renamed: readonly HistoryRename[];
}

