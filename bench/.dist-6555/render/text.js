import { renderTerminal } from './terminal.js';
/**
 * Plain text: the terminal report without colour (no ANSI escapes at all) and
 * without wrapping, for pipes, files and logs.
 */
export function renderText(report, options = {}) {
    return renderTerminal(report, { color: false, ...options });
}
//# sourceMappingURL=text.js.map