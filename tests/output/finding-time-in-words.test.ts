/**
 * A finding's time after boot is said in words too from two minutes on, in the text and Markdown
 * reports: a server up for months had read "6060232.193522 s after boot", a number to divide in
 * one's head. The JSON keeps the seconds.
 */
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { analyzeLines } from '../support/analyze.ts';

// apimnewyear-vmcore-dmesg-txt.log line 9643 (a panic 70 days after boot), and an early one
const LONG = [
	'[6060232.193522] Kernel panic - not syncing: 02: An NMI occurred. Depending on your system the reason for the NMI is logged in any one of the following resources:'
];
const EARLY = [
	'[   12.500000] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000009'
];

describe("a finding's time after boot in words", () => {
	it('adds the span in words to the seconds, in text and Markdown', async () => {
		const r = await analyzeLines(LONG);
		expect(r.findings[0].first_seen.ts).toBe(6060232.193522);
		expect(formatMarkdown(r)).toContain('6060232.193522 s after boot (70 days)');
		expect(formatText(r).replace(/\n +/g, ' ')).toContain('6060232.193522 s after boot (70 days)');
	});
	it('says seconds alone under two minutes', async () => {
		const r = await analyzeLines(EARLY);
		expect(formatMarkdown(r)).toMatch(/12\.500000 s after boot(?! \()/);
	});
});
