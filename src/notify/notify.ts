/**
 * `--notify URL`: a JSON summary of what changed since the previous run,
 * POSTed when something did. A Slack incoming webhook (hooks.slack.com)
 * gets Slack's `{text, blocks}`; any other URL the summary itself. Never
 * fatal: a failed post is one line on stderr; the report and the exit code
 * are what they would have been. The URL is never printed whole (a
 * webhook's path is its secret): only its scheme and host.
 */
import type { AuditReport } from '../audit.js';
import type { HistoryEntry, ReportHistory } from '../history/types.js';
import { historyCounts, historyHeadline } from '../history/render.js';

/** How long a post may take before it is abandoned. */
export const NOTIFY_TIMEOUT_MS = 5_000;

/** Most findings of one list a notification names. */
const LISTED = 20;

export interface NotifySummary {
  readonly tool: 'schema-audit';
  readonly version: string;
  readonly generatedAt: string;
  readonly database: { readonly location: string; readonly database: string; readonly serverVersion: string; readonly systemIdentifier: string | null };
  /** One line: what changed. */
  readonly text: string;
  readonly counts: { readonly new: number; readonly open: number; readonly resolved: number; readonly cameBack: number; readonly renamed: number };
  readonly new: readonly Pick<HistoryEntry, 'id' | 'severity'>[];
  readonly cameBack: readonly Pick<HistoryEntry, 'id' | 'severity'>[];
  readonly resolved: readonly Pick<HistoryEntry, 'id' | 'severity'>[];
  readonly renamed: ReportHistory['renamed'];
}

/** Whether a run's history calls for a notification: something new, resolved, back or renamed. */
export function shouldNotify(history: ReportHistory | undefined): history is ReportHistory {
  return history !== undefined && history.changed;
}

export function notifySummary(report: AuditReport, h: ReportHistory): NotifySummary {
  const brief = (list: readonly HistoryEntry[]) => list.slice(0, LISTED).map((e) => ({ id: e.id, severity: e.severity }));
  return {
    tool: 'schema-audit',
    version: report.tool.version,
    generatedAt: report.generatedAt,
    database: { location: report.target.location, database: report.target.database, serverVersion: report.target.serverVersion, systemIdentifier: h.database.systemIdentifier },
    text: `schema-audit ${report.target.location}: ${historyCounts(h)} (${historyHeadline(h)})`,
    counts: { new: h.new.length, open: h.open.length, resolved: h.resolved.length, cameBack: h.cameBack.length, renamed: h.renamed.length },
    new: brief(h.new),
    cameBack: brief(h.cameBack),
    resolved: brief(h.resolved),
    renamed: h.renamed.slice(0, LISTED),
  };
}

/** Slack's mrkdwn: `&`, `<`, `>` escaped (they start links and mentions). */
function slackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack's incoming-webhook shape. */
export function slackPayload(s: NotifySummary): { text: string; blocks: unknown[] } {
  const lines = [
    ...s.new.map((e) => `• new: \`${e.id}\` (${e.severity})`),
    ...s.cameBack.map((e) => `• came back: \`${e.id}\` (${e.severity})`),
    ...s.resolved.map((e) => `• resolved: \`${e.id}\``),
    ...s.renamed.map((r) => `• renamed: ${r.kind} \`${r.from}\` → \`${r.to}\``),
  ].map(slackText);
  const body = [slackText(s.text), ...lines].join('\n').slice(0, 2900);
  return { text: slackText(s.text), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: body } }] };
}

export function isSlackWebhook(url: URL): boolean {
  return url.hostname === 'hooks.slack.com';
}

/** The URL as it may be printed: scheme and host, never a path, query or credentials. */
export function notifyLabel(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * POST the summary; on failure (refused, timeout, not 2xx) one line to
 * `warn`. Never throws.
 */
export async function postNotification(target: string, report: AuditReport, h: ReportHistory, warn: (line: string) => void): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    warn('--notify: not a URL; nothing posted');
    return false;
  }
  const summary = notifySummary(report, h);
  const payload = isSlackWebhook(url) ? slackPayload(summary) : summary;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': `schema-audit/${report.tool.version}` };
  if (url.username !== '' || url.password !== '') {
    // fetch refuses credentials in a URL: they go in the header instead.
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  try {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload), redirect: 'manual', signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS) });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status < 200 || res.status > 299) {
      warn(`--notify: ${notifyLabel(url)} answered HTTP ${res.status}; the report is unaffected`);
      return false;
    }
    return true;
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${NOTIFY_TIMEOUT_MS / 1000} s` : (e.cause?.code ?? e.name ?? 'failed');
    warn(`--notify: could not post to ${notifyLabel(url)} (${why}); the report is unaffected`);
    return false;
  }
}
