/**
 * The values an acknowledgement holds, checked the same way by the `ack`
 * command (its arguments) and by the acknowledgements file's loader (each
 * entry, at its line): a finding id of a known kind, a real calendar day.
 */
import { isAdviceKind } from '../advice/index.js';
import { isFindingKind } from '../findings/kinds.js';

/** Control characters: never in an id, a reason, an owner or a ticket (one line each, safe to print). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Why `id` is not a finding id (`<kind>:<object>`, the report's
 * `findings[].id`), or undefined when it is one. The kind must be a drift or
 * advice finding kind; the object part is matched as written (no wildcards).
 */
export function findingIdProblem(id: string): string | undefined {
  const colon = id.indexOf(':');
  const kind = colon < 0 ? '' : id.slice(0, colon);
  const rest = colon < 0 ? '' : id.slice(colon + 1);
  if (colon < 0 || rest.trim() === '') return `expected a finding id <kind>:<object> (as the report's findings[].id, e.g. missing_column:public.leads.score), got '${printable(id)}'`;
  if (!isFindingKind(kind) && !isAdviceKind(kind)) return `unknown finding kind '${printable(kind)}' in '${printable(id)}'`;
  if (CONTROL.test(id) || id !== id.trim()) return `a finding id has no control characters nor surrounding spaces: '${printable(id)}'`;
  return undefined;
}

/** Why `date` is not a day written yyyy-mm-dd (and a real one: no 2026-02-30), or undefined. */
export function dateProblem(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m !== null) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.toISOString().slice(0, 10) === date) return undefined;
  }
  return `expected a date yyyy-mm-dd, got '${printable(date)}'`;
}

/** Why a free-text value (reason, owner, ticket) cannot be used, or undefined. */
export function textProblem(value: string): string | undefined {
  if (value.trim() === '') return 'must not be empty';
  if (CONTROL.test(value)) return 'must be one line, without control characters';
  return undefined;
}

/** A value quoted in a message: printable ASCII, at most 80 characters. */
export function printable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);
}
