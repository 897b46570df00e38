import type { Explanation } from '../models/finding.ts';
import type { ExplainInput, ExplanationProvider } from './base.ts';
import { CRASH_EXPLANATIONS } from './crash-explanations.ts';

/**
 * The exact decode_stacktrace.sh invocation for a crash finding (scripts/decode_stacktrace.sh in
 * the kernel tree): with the release it finds vmlinux and modules with debug info itself.
 */
export function decodeCommand(version: string | null, findingId: string): string {
	const target = version ? `-r ${version}` : 'vmlinux';
	return `./scripts/decode_stacktrace.sh ${target} < ${findingId}.txt`;
}

/** Built-in explanations: the registry's text for line rules, the crash table for crash reports. */
export const heuristicProvider: ExplanationProvider = {
	id: 'heuristic',
	explain({ finding, metadata, registry }: ExplainInput): Explanation {
		if (finding.category === 'crash') {
			const base = CRASH_EXPLANATIONS[finding.rule] ?? CRASH_EXPLANATIONS['crash.other'];
			// the report's own release, else its boot's banner, else the first kernel the log names
			// (metadata.kernel_version)
			const version =
				(finding.details.kernel_version as string | null) ??
				metadata.boots.find((b) => b.index === finding.first_seen.boot)?.kernel_version ??
				metadata.kernel_version;
			const steps = [...base.next_steps];
			if (!base.notice && finding.stack && finding.stack.frames.length > 0) {
				steps.unshift(
					`Save this finding’s lines as ${finding.id}.txt and turn the trace into file:line form from the kernel source tree (needs the build’s debug info): \`${decodeCommand(version, finding.id)}\``
				);
			}
			return {
				meaning: base.meaning,
				causes: base.causes,
				next_steps: steps,
				references: base.references
			};
		}
		if (registry) return registry;
		return {
			meaning: 'The kernel reported this condition.',
			causes: [{ kind: 'kernel', text: 'See the evidence lines.' }],
			next_steps: ['Search for the message text in the kernel documentation and mailing lists.'],
			references: ['https://docs.kernel.org/']
		};
	}
};
