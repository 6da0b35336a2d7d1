/**
 * `--history DIR`, `--history-keep N`, `--previous REPORT.json` and
 * `--notify URL` (on audit and demo): their flags, their options, and the
 * run's history step, which report.ts calls before rendering (the report
 * gains `history`) and after writing (the record is kept, the notification
 * posted). Kept out of options.ts (its size) and report.ts.
 */
import path from 'node:path';
import type { Argv } from 'yargs';
import type { AuditReport } from '../audit.js';
import { UsageError } from '../errors.js';
import { compareRuns } from '../history/compare.js';
import type { ReportHistory } from '../history/types.js';
import { recordFromReportFile } from '../history/from-report.js';
import { databaseIdentity, modelFingerprint, type HistoryRecord } from '../history/record.js';
import { DEFAULT_HISTORY_KEEP, readPrevious, writeRecord } from '../history/store.js';
import type { ServerInfo } from '../introspect/introspector.js';
import type { SchemaModel } from '../model/schema-model.js';
import { postNotification, shouldNotify } from '../notify/notify.js';
import { visible } from '../safe-text.js';
import type { CliIo } from './io.js';

export interface HistoryOptions {
  /** Keep a record of each run here and compare with the previous one (--history DIR). */
  readonly history?: string | undefined;
  /** Records kept per database (--history-keep; default 30). */
  readonly historyKeep?: number;
  /** Compare with this saved JSON report (--previous). */
  readonly previous?: string | undefined;
  /** POST a summary here when something changed since the previous run (--notify). */
  readonly notify?: string | undefined;
}

export function historyFlags<T>(y: Argv<T>) {
  return y
    .option('history', { type: 'string', describe: 'Keep a record of each run in DIR and report what is new, still open, resolved or back since the previous run of the same database' })
    .option('history-keep', { type: 'number', describe: `Records of one database kept in --history DIR (default ${DEFAULT_HISTORY_KEEP}; older ones are removed)` })
    .option('previous', { type: 'string', describe: 'Compare with this saved JSON report (--format json) instead of, or before, a --history record' })
    .option('notify', { type: 'string', describe: 'POST a JSON summary to this URL (Slack\'s shape for a Slack webhook) when something changed since the previous run; needs --history or --previous' });
}

export function historyOptions(a: Record<string, unknown>): HistoryOptions {
  const text = (flag: string, what: string): string | undefined => {
    const v = a[flag];
    if (v === undefined) return undefined;
    if (Array.isArray(v)) throw new UsageError(`--${flag} is given more than once`);
    if (String(v).trim() === '' || /[\u0000\n\r]/.test(String(v))) throw new UsageError(`--${flag} needs ${what}`);
    return String(v);
  };
  const history = text('history', 'a directory');
  const previous = text('previous', 'a JSON report file');
  const notify = text('notify', 'a URL');
  const keep = a['history-keep'];
  if (keep !== undefined && (!Number.isInteger(keep) || (keep as number) < 1)) throw new UsageError('--history-keep takes a whole number of runs, 1 or more');
  if (keep !== undefined && history === undefined) throw new UsageError('--history-keep needs --history DIR');
  if (notify !== undefined) {
    if (history === undefined && previous === undefined) throw new UsageError('--notify posts what changed since the previous run: give --history DIR or --previous REPORT.json');
    let url: URL | undefined;
    try {
      url = new URL(notify);
    } catch {
      url = undefined;
    }
    // The value is never echoed: a webhook URL is a secret.
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError('--notify needs an http:// or https:// URL');
  }
  return { history, historyKeep: (keep as number | undefined) ?? DEFAULT_HISTORY_KEEP, previous, notify };
}

/** What the step needs of the live side. */
interface LiveSide {
  readonly model: SchemaModel;
  readonly server: ServerInfo;
}

/**
 * Before rendering: the report with its `history` (unchanged without
 * --history or --previous). After writing (`after`): the record kept in
 * --history DIR, and the --notify post when something changed. A record
 * that cannot be read or written, and a failed post, are one line on stderr
 * each: they never lose the report or change the exit code.
 */
export function runHistory(report: AuditReport, live: LiveSide, options: HistoryOptions, io: CliIo): { report: AuditReport; after: () => Promise<void> } {
  if (options.history === undefined && options.previous === undefined) return { report, after: async () => undefined };
  const warn = (line: string): void => void io.stderr.write(`schema-audit: ${visible(line)}\n`);
  const database = databaseIdentity(report, live.server.identity);
  const dir = options.history === undefined ? undefined : path.resolve(io.cwd, options.history);
  let previous: HistoryRecord | null = null;
  let from: 'history' | 'report' = 'history';
  if (options.previous !== undefined) {
    previous = recordFromReportFile(path.resolve(io.cwd, options.previous));
    from = 'report';
  } else if (dir !== undefined) {
    previous = readPrevious(dir, { database }, warn)?.record ?? null;
  }
  const { history, record } = compareRuns(previous, from, { report, database, fingerprint: modelFingerprint(live.model), identity: live.server.identity });
  const withHistory: AuditReport & { history: ReportHistory } = { ...report, history };
  return {
    report: withHistory,
    after: async () => {
      if (dir !== undefined) {
        try {
          writeRecord(dir, record, options.historyKeep ?? DEFAULT_HISTORY_KEEP);
        } catch (err) {
          warn(`--history: the run's record was not kept (${(err as Error).message})`);
        }
      }
      if (options.notify !== undefined && shouldNotify(history)) await postNotification(options.notify, withHistory, history, warn);
    },
  };
}
