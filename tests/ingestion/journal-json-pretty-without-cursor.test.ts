/**
 * `journalctl -o json-pretty` entries without their `__CURSOR` line (a record's excerpt pasted
 * into a report, fields cut out by hand) had been read as bare text: a `{`, then every
 * `\t"FIELD" : "value",` line a kernel message of its own, so the kernel's messages were not
 * analysed as such (the text was the quoted field) and their host and times were lost. An entry
 * now starts at its first journal field, whatever it is. The entries' shape is journalctl's
 * (docs/reference: `"FIELD" : "value"`, all values strings); their messages are real:
 * linux-crash-crash1-txt.log lines 732-736 (a PCIe AER report of a laptop's NVIDIA GPU, then
 * another program's line), its time 02:34:16 at UTC-04:00, its host name replaced by host1.
 */
import { describe, expect, it } from 'vitest';
import { expectedLines, ingestText } from './helpers.ts';
import { analyzeText } from '../../src/lib/index.ts';

const WALL_US = 1680676456000000;
const AER = [
	'pcieport 0000:00:01.1: AER: Corrected error received: 0000:01:00.0',
	'nvidia 0000:01:00.0: PCIe Bus Error: severity=Corrected, type=Data Link Layer, (Receiver ID)',
	'nvidia 0000:01:00.0:   device [10de:2520] error status/mask=00000040/0000a000',
	'nvidia 0000:01:00.0:    [ 6] BadTLP                '
];

/** one entry as journalctl -o json-pretty prints it, without `__CURSOR` */
function entry(message: string, i: number, ident = 'kernel'): string[] {
	return [
		'{',
		`\t"__REALTIME_TIMESTAMP" : "${WALL_US + i}",`,
		`\t"__MONOTONIC_TIMESTAMP" : "${147000000 + i}",`,
		'\t"_BOOT_ID" : "3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d",',
		`\t"_TRANSPORT" : "${ident === 'kernel' ? 'kernel' : 'stdout'}",`,
		'\t"PRIORITY" : "4",',
		`\t"SYSLOG_IDENTIFIER" : "${ident}",`,
		'\t"_HOSTNAME" : "host1",',
		`\t"MESSAGE" : ${JSON.stringify(message)}`,
		'}'
	];
}

const LINES = [
	...AER.flatMap((m, i) => entry(m, i)),
	...entry('Setting default cursor', 9, 'sddm')
];

describe('journalctl -o json-pretty entries without __CURSOR', () => {
	it('are journal entries: kernel messages with their time and host, every line counted', () => {
		const text = LINES.join('\n') + '\n';
		const run = ingestText(text);
		const { input } = run.summary;
		expect(input.lines_total).toBe(expectedLines(text));
		expect(input.formats['bare'] ?? 0).toBe(0);
		const kernel = run.records.filter((r) => r.kind === 'kernel');
		expect(kernel.map((r) => r.text)).toEqual(AER);
		for (const [i, r] of kernel.entries()) {
			expect(r.format).toBe('journal-json-pretty');
			expect(r.host).toBe('host1');
			expect(r.level).toBe(4);
			expect(r.wall).toBe((WALL_US + i) / 1000);
			expect(r.ts).toBeCloseTo(147 + i / 1e6, 6);
		}
		// the other program's entry is skipped as such (its lines but the opening brace); every
		// line is counted once: 4 kernel entries of 9 lines, the `{` lines apart
		expect(input.skipped_reasons['not a kernel message (other program in a journal)']).toBe(9);
		expect(input.skipped_reasons['JSON structure']).toBe(5);
		expect(input.formats).toEqual({ 'journal-json-pretty': 36 });
		expect(input.lines_total).toBe(input.lines_skipped + 36);
	});

	it('reads a one-record excerpt that starts at its MESSAGE field, without braces', () => {
		const run = ingestText(
			[
				`\t"MESSAGE" : ${JSON.stringify(AER[1])},`,
				'\t"PRIORITY" : "3",',
				'\t"_HOSTNAME" : "host1"'
			].join('\n') + '\n'
		);
		expect(run.summary.input.lines_total).toBe(3);
		const kernel = run.records.filter((r) => r.kind === 'kernel');
		expect(kernel.map((r) => [r.line, r.text, r.level, r.host])).toEqual([[1, AER[1], 3, 'host1']]);
	});

	it('finds the AER report and anonymizes the host', async () => {
		const r = await analyzeText(LINES.join('\n') + '\n', { anonymize: true });
		expect(r.input.format).toBe('journal-json-pretty');
		// bare text had given no finding: the messages were the quoted field lines
		expect(r.findings.map((f) => [f.rule, f.first_seen.wall])).toEqual([
			['hardware.pcie-aer', '2023-04-05T06:34:16.000Z'],
			['hardware.pcie-aer-bit', '2023-04-05T06:34:16.000Z']
		]);
		expect(JSON.stringify(r)).not.toContain('host1');
	});

	it('leaves JSON that is not a journal entry alone', () => {
		const run = ingestText(['{', '\t"name" : "usb 1-1: reset",', '}'].join('\n') + '\n');
		expect(run.records.some((r) => r.format === 'journal-json-pretty' && r.kind === 'kernel')).toBe(
			false
		);
	});
});
