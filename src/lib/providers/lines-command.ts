/**
 * The command that writes a finding's lines to the file the crash advice names (heuristic.ts
 * saveLinesHow). The advice, the same in every report and in the JSON, says `LOG`; the text and
 * Markdown reports put the input's file name there when they can (output/common.ts
 * stepForInput). A module of its own: the page's report view imports it without the explanations.
 */
export function linesCommand(findingId: string, log = 'LOG'): string {
	return `necroscope --lines ${findingId} ${log} > ${findingId}.txt`;
}

/**
 * How a crash finding's lines are saved as the file decodeCommand reads, in the advice's step
 * (heuristic.ts): the CLI writes them with `--lines` (its report block as printed), the page's
 * Save crash report button (right under this step) saves the same bytes (output/finding-lines.ts).
 * The page shows the step with the button's words instead (`pageSaveStep`).
 */
export function saveLinesHow(findingId: string): string {
	return `the CLI writes them: \`${linesCommand(findingId)}\`; the page: Save crash report`;
}

/**
 * The advice's save step as the page shows it on the screen, right above its Save crash report
 * button: the aside on the CLI's command (`necroscope --lines ID LOG > ID.txt`, `LOG` in the
 * page, whose log has a name) had made the first step of a crash nine lines on a phone before the
 * button that does it. The file's name is marked as code. A step of other words is kept as it is.
 */
export function pageSaveStep(step: string, findingId: string): string {
	// the file's name as code, as the button's hint shows it (and kept whole on a phone's line:
	// `crash-` had ended a line over `69620c0b.txt`)
	return step.replace(
		`${findingId}.txt (${saveLinesHow(findingId)})`,
		`\`${findingId}.txt\` (the Save crash report button below)`
	);
}
