import type { Finding } from '../models/finding.ts';
import type { LogMetadata } from '../models/metadata.ts';

/**
 * The optional local-LLM explanation provider: asks a model served on the user's own machine
 * (an OpenAI-compatible chat endpoint such as Ollama's or llama.cpp's server) about ONE finding.
 * Only the anonymized finding (title, evidence lines, a few metadata fields) is sent, never the
 * log, and only to a loopback address. This module builds and reads the messages; the page does
 * the request through a bridge frame whose Content-Security-Policy allows loopback only.
 */

export const DEFAULT_LLM_ENDPOINT = 'http://127.0.0.1:11434/v1/chat/completions';
export const DEFAULT_LLM_MODEL = 'llama3.2';
const MAX_EVIDENCE_LINES = 60;

export interface ChatRequest {
	model: string;
	messages: Array<{ role: 'system' | 'user'; content: string }>;
	temperature: number;
	stream: false;
}

/** True only for http(s) URLs whose host is a loopback address. */
export function isLoopbackUrl(url: string): boolean {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return false;
	}
	if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
	if (u.username || u.password) return false;
	const host = u.hostname.toLowerCase();
	return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** The exact request that will be sent: shown to the user before they agree to send it. */
export function chatRequest(finding: Finding, metadata: LogMetadata, model: string): ChatRequest {
	const facts = [
		`Title: ${finding.title}`,
		`Category: ${finding.category}; severity: ${finding.severity}; seen ${finding.count} time(s)`,
		metadata.kernel_version ? `Kernel: ${metadata.kernel_version}` : null,
		metadata.arch ? `Architecture: ${metadata.arch}` : null,
		finding.stack?.guilty_frame ? `Guilty frame: ${finding.stack.guilty_frame}` : null
	].filter((x): x is string => x !== null);
	const evidence = finding.evidence.slice(0, MAX_EVIDENCE_LINES).map((e) => e.text);
	return {
		model,
		temperature: 0.2,
		stream: false,
		messages: [
			{
				role: 'system',
				content:
					'You are a Linux kernel expert helping a user understand one problem found in their kernel log. ' +
					'Explain in plain language what it means, the most likely causes (hardware, firmware, driver, kernel bug, user space or configuration) ' +
					'and concrete next steps (commands to run, what to check). Be concise; say when you are unsure.'
			},
			{ role: 'user', content: `${facts.join('\n')}\n\nLog lines:\n${evidence.join('\n')}` }
		]
	};
}

/** The answer text of an OpenAI-compatible chat completion, or an error message. */
export function chatAnswer(
	body: unknown
): { ok: true; text: string } | { ok: false; error: string } {
	const choices = (body as { choices?: Array<{ message?: { content?: unknown } }> })?.choices;
	const content = Array.isArray(choices) ? choices[0]?.message?.content : undefined;
	if (typeof content === 'string' && content.trim() !== '')
		return { ok: true, text: content.trim() };
	const err = (body as { error?: { message?: unknown } | string })?.error;
	const msg = typeof err === 'string' ? err : typeof err?.message === 'string' ? err.message : null;
	return { ok: false, error: msg ?? 'The model answered, but not in the OpenAI chat format.' };
}
