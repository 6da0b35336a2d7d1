// Types of migra-lib.mjs (plain JavaScript, loaded as it is by node and jest).
import type { CatalogDifference, CatalogScope } from './catalog-compare.mjs';

export const REPO_ROOT: string;
export const TEST_ROLE: string;
export const CASE_SCOPES: Readonly<Record<string, CatalogScope>>;

/** ../shared/outside-suites/migra from the repository root, or null when absent. */
export function suiteDir(root?: string): string | null;
export function listCases(dir: string): string[];
export function scopeFor(name: string): CatalogScope;
export function prepareServer(adminUrl: string): Promise<void>;
export function runPsqlFile(url: string, file: string): Promise<{ code: number; stdout: string; stderr: string }>;
export function psqlError(stderr: string): string;
export function auditArgs(dbUrl: string, expected: string, migrationDir: string, schemaArgs?: readonly string[]): string[];

export type StepState = 'ok' | 'failed' | 'missing' | 'none';

export interface CaseResult {
  readonly name: string;
  /** 0 when a.sql and b.sql already compare equal, else 1 (null when the case could not be set up). */
  readonly expectedExit: 0 | 1 | null;
  readonly exit: number | null;
  readonly up: StepState;
  readonly down: StepState;
  /** A equals B after up.sql (null: not compared). */
  readonly upEqual: boolean | null;
  /** A equals a.sql after down.sql (null: not compared). */
  readonly downEqual: boolean | null;
  readonly passByExit: boolean;
  readonly confirmed: boolean;
  /** The first thing wrong, in one line; null when confirmed. */
  readonly problem: string | null;
  /** Everything wrong, in order (the audit's exit, each file's error, each comparison's first difference). */
  readonly problems: readonly string[];
  readonly differences: { readonly up: readonly CatalogDifference[]; readonly down: readonly CatalogDifference[] };
  readonly seconds: number;
}

export interface RunOptions {
  /** Keep each case's files in DIR/<case>/ (MIGRA_KEEP). */
  readonly keepDir?: string | null;
}

export function runCase(adminUrl: string, dir: string, name: string, options?: RunOptions): Promise<CaseResult>;
export function runCases(
  adminUrl: string,
  dir: string,
  names: readonly string[],
  options?: RunOptions & { readonly concurrency?: number; readonly onResult?: (r: CaseResult) => void },
): Promise<CaseResult[]>;
/** null when a result is as KNOWN_FAILING says (`known`: its reason, undefined when not listed), else the message. */
export function verdict(result: CaseResult, known: string | undefined): string | null;
export function totals(results: readonly CaseResult[]): { cases: number; passByExit: number; confirmed: number };
export function markdownTable(results: readonly CaseResult[], options?: { readonly title?: string }): string;
export function textTable(results: readonly CaseResult[], options?: { readonly width?: number }): string;
/** KNOWN_FAILING's source for these results. */
export function knownFailingSource(results: readonly CaseResult[]): string;
