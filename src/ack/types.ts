/**
 * Acknowledged drift: the vocabulary shared by the acknowledgements file
 * (ack-file.ts), the `ack` command (write-ack.ts), the audit's decision
 * (decide.ts) and the report's renderers (render.ts).
 *
 * An acknowledgement names one finding by its id (the report's
 * `findings[].id`, exactly: no wildcards — patterns are the spec's `ignore`
 * rules), with why it is accepted, who owns it, and optionally until when
 * (`expires`, a yyyy-mm-dd date: it suppresses through that day, UTC) and a
 * ticket. Plain, JSON-safe data; imports nothing of the audit.
 */
import type { Finding, Severity } from '../findings/finding.js';

/** One entry of the acknowledgements file. */
export interface Acknowledgement {
  /** A finding id: `<kind>:<object>`, e.g. `missing_index:public.leads.idx_leads_score`. */
  readonly id: string;
  readonly reason: string;
  readonly owner: string;
  /** yyyy-mm-dd: the last day it suppresses the finding (UTC). */
  readonly expires?: string;
  readonly ticket?: string;
  /** The line of the entry in its file. */
  readonly line?: number;
}

/** An acknowledgements file, read and validated. */
export interface AcknowledgementFile {
  /** The path as the user gave it (shown in reports). */
  readonly file: string;
  readonly entries: readonly Acknowledgement[];
}

/** What accepts a finding: an entry of the acknowledgements file, or an `ignore` rule of the spec. */
export interface AcceptedBy {
  readonly source: 'ack-file' | 'ignore-rule';
  /** The acknowledged finding id, or the ignore rule's pattern. */
  readonly match: string;
  readonly reason: string;
  readonly owner?: string;
  readonly expires?: string;
  readonly ticket?: string;
  /** `file:line` of an acknowledgements file entry. */
  readonly at?: string;
}

/**
 * The report's `acknowledgements` section: present when there is something
 * to say (a finding acknowledged, an expired acknowledgement or rule, a
 * stale one).
 */
export interface AcknowledgementsSection<F extends Finding = Finding> {
  /** The acknowledgements file read (--ack-file), as given; null: none. */
  readonly file: string | null;
  /** Findings an acknowledgement accepts: not in `findings`, not counted by --fail-on. */
  readonly acknowledged: readonly { readonly finding: F; readonly by: AcceptedBy }[];
  /** Findings an expired acknowledgement or ignore rule no longer accepts: in `findings` again, and counted. */
  readonly expired: readonly { readonly findingId: string; readonly severity: Severity; readonly by: AcceptedBy }[];
  /** Acknowledgements and ignore rules that match no finding: to be removed (a warning, never a failure). */
  readonly stale: readonly AcceptedBy[];
}
