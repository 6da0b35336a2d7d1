import { analyse } from './markdown/analysis.js';
import { conclusion } from './markdown/conclusion.js';
import { indexSection } from './markdown/indexes.js';
import { missingColumnsSection, missingTables } from './markdown/missing.js';
import { adviceSection, otherDrift } from './markdown/other-drift.js';
import { currentSchema, overview } from './markdown/overview.js';
import { recommendations } from './markdown/recommendations.js';
import { rollback } from './markdown/rollback.js';
export { cell, code, escapeMarkdown } from './markdown/syntax.js';
/** The report as a Markdown document (see the module comment for its layout and rules). */
export function renderMarkdown(report) {
    const a = analyse(report);
    const blocks = [];
    blocks.push('# Database Schema Audit Report');
    blocks.push(...overview(report, a));
    blocks.push(...currentSchema(report, a));
    blocks.push(...missingElements(report, a));
    blocks.push(...recommendations(report, a));
    blocks.push(...rollback(report, a));
    blocks.push(...conclusion(report, a));
    return `${blocks.join('\n\n').replace(/[ \t]+$/gm, '')}\n`;
}
function missingElements(report, a) {
    return [
        '## Missing Elements Analysis',
        ...missingTables(a),
        ...missingColumnsSection(a),
        ...indexSection(a),
        ...otherDrift(report, a),
        ...adviceSection(a),
    ];
}
//# sourceMappingURL=markdown.js.map