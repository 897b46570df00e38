/**
 * The anonymized Markdown report as a renderer reads it: placeholders (`<host-1>`, `<uuid-1>`)
 * in the System rows (a `BOOT_IMAGE=` command line with `root=UUID=<uuid-1>`), the evidence and
 * the titles stay text, and every code span stays one (no placeholder's `<` opens HTML, no
 * backtick is lost). NECROSCOPE_CORPUS=<directory of logs> checks those logs' reports too.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { markdownProblems, markdownProblemsOfLogs } from '../support/markdown-render.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { fixtureLogs, logsIn } from './helpers.ts';

const CORPUS = process.env.NECROSCOPE_CORPUS;
const ANON = { anonymize: { pointers: true } };

describe('the anonymized Markdown report as a renderer reads it', () => {
	it('keeps every fixture log inert and in place', { timeout: 120_000 }, async () => {
		expect(await markdownProblemsOfLogs(fixtureLogs(), ANON)).toEqual([]);
	});

	it('keeps a command line with placeholders and backticks one cell of text', async () => {
		const log = [
			'[    0.000000] Linux version 6.1.0-13-amd64 (alice@host1) (gcc 12) #1 SMP',
			'[    0.000000] Command line: BOOT_IMAGE=/vmlinuz-6.1.0-13-amd64 root=UUID=0a1b2c3d-1111-2222-3333-444455556666 ro ip=10.1.2.3::10.1.2.1:255.255.255.0:host1:eth0:off init_`x` nfsroot=10.1.2.9:/export/alice quiet',
			'[    1.000000] usb 1-1: new high-speed USB device number 2 using xhci_hcd'
		].join('\n');
		const r = await analyzeText(log + '\n', { name: 'dmesg.log', ...ANON });
		const line = r.metadata.command_line ?? '';
		expect(line).toContain('root=UUID=<uuid-1>');
		expect(line).toContain(':<host-1>:');
		expect(line).not.toContain('alice');
		const md = formatMarkdown(r);
		expect(md).toContain(
			'| Command line | ``BOOT_IMAGE=/vmlinuz-6.1.0-13-amd64 root=UUID=<uuid-1>'
		);
		expect(markdownProblems(md, r)).toEqual([]);
	});

	it.runIf(CORPUS)(
		'keeps every corpus log inert and in place',
		{ timeout: 1_200_000 },
		async () => {
			const bad = await markdownProblemsOfLogs(logsIn(CORPUS ?? ''), ANON, basename);
			expect(bad).toEqual([]);
		}
	);
});
