export { formatJson } from './json.ts';
export { formatText } from './text.ts';
export { findingLines, findingLinesFile } from './finding-lines.ts';
export { formatMarkdown, escapeMarkdown } from './markdown.ts';
export { REPORT_SCHEMA, schemaText } from './schema.ts';
export { inert } from './common.ts';

import type { AnalysisResult } from '../models/report.ts';
import { formatJson } from './json.ts';
import { formatMarkdown } from './markdown.ts';
import { formatText } from './text.ts';

/** The report formats, by the name the CLI's --format and the page's download buttons use. */
export const OUTPUT_FORMATS = {
	json: { extension: '.json', mime: 'application/json', format: formatJson },
	text: { extension: '.txt', mime: 'text/plain; charset=utf-8', format: formatText },
	markdown: { extension: '.md', mime: 'text/markdown; charset=utf-8', format: formatMarkdown }
} as const satisfies Record<
	string,
	{ extension: string; mime: string; format: (r: AnalysisResult) => string }
>;
export type OutputFormat = keyof typeof OUTPUT_FORMATS;
