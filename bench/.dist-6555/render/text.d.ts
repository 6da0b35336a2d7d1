import type { AuditReport } from '../audit.js';
import { type TerminalOptions } from './terminal.js';
/**
 * Plain text: the terminal report without colour (no ANSI escapes at all) and
 * without wrapping, for pipes, files and logs.
 */
export declare function renderText(report: AuditReport, options?: Omit<TerminalOptions, 'color' | 'width'>): string;
