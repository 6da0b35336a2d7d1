/**
 * What acknowledgements and ignore rules decide about a run's findings.
 *
 * - An ignore rule of the spec past its `expires` day no longer ignores: it
 *   is left out of the diff, and the findings it would have ignored are
 *   reported (and counted) with a note that the rule expired.
 * - A finding whose id an acknowledgement names is taken out of `findings`
 *   (so neither --fail-on nor the plan counts it) and listed under
 *   `acknowledgements.acknowledged`, unless the acknowledgement expired: then
 *   the finding stays, with a note.
 * - An acknowledgement or ignore rule that matches no finding of the run is
 *   stale (a warning in the report, never a failure).
 *
 * "Expired" is `expires < the run's day` (UTC day of the report's
 * generatedAt, which --now pins): an entry holds through its `expires` day.
 */
import { compileIgnoreRules, findIgnoreRule, type IgnoreRule } from '../diff/ignore.js';
import { objectPath, type Finding } from '../findings/finding.js';
import type { FindingKind } from '../findings/kinds.js';
import type { AcceptedBy, Acknowledgement, AcknowledgementFile, AcknowledgementsSection } from './types.js';

/** The UTC day (yyyy-mm-dd) of an ISO 8601 time. */
export function dayOf(time: string): string {
  const t = Date.parse(time);
  return Number.isNaN(t) ? time.slice(0, 10) : new Date(t).toISOString().slice(0, 10);
}

/** True when an entry expiring on `expires` no longer holds on `today` (both yyyy-mm-dd). */
export function isExpired(expires: string | undefined, today: string): boolean {
  return expires !== undefined && expires < today;
}

/** The findings of a run after the acknowledgements, and the report's section (absent when there is nothing to say). */
export interface Decision<D extends Finding, A extends Finding> {
  readonly drift: D[];
  readonly advice: A[];
  readonly section?: AcknowledgementsSection<D | A>;
}

export interface AckPolicy {
  /** The ignore rules still in force: what the diff applies. */
  readonly ignore: readonly IgnoreRule[];
  /** `ignored`: what the diff ignored (by the rules of `ignore`). */
  decide<D extends Finding, A extends Finding>(drift: readonly D[], advice: readonly A[], ignored: readonly { readonly rule: IgnoreRule }[]): Decision<D, A>;
}

function byAck(a: Acknowledgement, file: string): AcceptedBy {
  return {
    source: 'ack-file',
    match: a.id,
    reason: a.reason,
    owner: a.owner,
    ...(a.expires !== undefined ? { expires: a.expires } : {}),
    ...(a.ticket !== undefined ? { ticket: a.ticket } : {}),
    ...(a.line !== undefined ? { at: `${file}:${a.line}` } : {}),
  };
}

function byRule(r: IgnoreRule): AcceptedBy {
  return {
    source: 'ignore-rule',
    match: r.pattern,
    reason: r.reason,
    ...(r.owner !== undefined ? { owner: r.owner } : {}),
    ...(r.expires !== undefined ? { expires: r.expires } : {}),
    ...(r.ticket !== undefined ? { ticket: r.ticket } : {}),
  };
}

/** The policy of one run: the spec's ignore rules, the acknowledgements file (if any), the run's time. */
export function acknowledgementPolicy(rules: readonly IgnoreRule[] | undefined, acks: AcknowledgementFile | undefined, generatedAt: string): AckPolicy {
  const today = dayOf(generatedAt);
  const all = rules ?? [];
  const active = all.filter((r) => !isExpired(r.expires, today));
  const expiredRules = all.filter((r) => isExpired(r.expires, today));
  const entries = new Map((acks?.entries ?? []).map((a) => [a.id, a]));
  return {
    ignore: active.length === all.length ? all : active,
    decide<D extends Finding, A extends Finding>(drift: readonly D[], advice: readonly A[], ignored: readonly { readonly rule: IgnoreRule }[]): Decision<D, A> {
      const compiledExpired = compileIgnoreRules(expiredRules);
      const acknowledged: { finding: D | A; by: AcceptedBy }[] = [];
      const expired: AcknowledgementsSection['expired'][number][] = [];
      const matchedAcks = new Set<string>();
      const matchedRules = new Set<IgnoreRule>(ignored.map((i) => i.rule));
      const keep = <F extends D | A>(f: F): boolean => {
        const ack = entries.get(f.id);
        const rule = f.category === 'drift' ? findIgnoreRule(compiledExpired, f.kind as FindingKind, objectPath(f.object)) : undefined;
        if (rule !== undefined) matchedRules.add(rule);
        if (ack !== undefined) matchedAcks.add(ack.id);
        if (ack !== undefined && !isExpired(ack.expires, today)) {
          acknowledged.push({ finding: f, by: byAck(ack, acks!.file) });
          return false;
        }
        const lapsed = ack ?? rule;
        if (lapsed !== undefined) expired.push({ findingId: f.id, severity: f.severity, by: ack !== undefined ? byAck(ack, acks!.file) : byRule(rule!) });
        return true;
      };
      const keptDrift = drift.filter(keep);
      const keptAdvice = advice.filter(keep);
      const stale = [
        ...[...entries.values()].filter((a) => !matchedAcks.has(a.id)).map((a) => byAck(a, acks!.file)),
        ...all.filter((r) => !matchedRules.has(r)).map(byRule),
      ];
      const said = acknowledged.length + expired.length + stale.length > 0;
      return {
        drift: keptDrift,
        advice: keptAdvice,
        ...(said ? { section: { file: acks?.file ?? null, acknowledged, expired, stale } } : {}),
      };
    },
  };
}
