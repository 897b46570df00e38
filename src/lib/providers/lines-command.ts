/**
 * The command that writes a finding's lines to the file the crash advice names (heuristic.ts
 * saveLines). The advice, the same in every report and in the JSON, says `LOG`; the text and
 * Markdown reports put the input's file name there when they can (output/common.ts
 * stepForInput). A module of its own: the page's report view imports it without the explanations.
 */
export function linesCommand(findingId: string, log = 'LOG'): string {
	return `necroscope --lines ${findingId} ${log} > ${findingId}.txt`;
}
