/**
 * The text report's boot lines (System, `boot N: lines …, kernel …, started …, id …`) wrap at 80
 * columns between their parts, never inside one: `started` had ended a line and its time begun
 * the next (55 of the 195 boot lines of the 163 real logs' text reports, in 30 reports).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { formatText, TEXT_WIDTH } from '../../src/lib/output/text.ts';

const LOG = [
	'[    0.000000] Linux version 6.1.2-zen1-1-zen (linux-zen@archlinux) (gcc (GCC) 12.2.0) #1 ZEN SMP PREEMPT_DYNAMIC',
	'[    1.000000] usb 1-1: new high-speed USB device number 2 using xhci_hcd'
].join('\n');

describe('a boot line of the text report', () => {
	it('keeps each part with its label when it wraps', async () => {
		const r = await analyzeText(LOG + '\n');
		const boot = r.metadata.boots[0];
		boot.kernel_version = '5.4.0-0.rc6.git0.1.fc32.x86_64';
		boot.started_at = '2019-11-08T14:31:21.800Z';
		boot.id = '0123456789abcdef0123456789abcdef';
		const lines = formatText(r).split('\n');
		const at = lines.findIndex((l) => l.startsWith('  boot 0:'));
		// whole, the line would be 112 columns; `started` had ended the first
		expect(lines.slice(at, at + 2)).toEqual([
			'  boot 0: lines 1-2, kernel 5.4.0-0.rc6.git0.1.fc32.x86_64,',
			'    started 2019-11-08T14:31:21.800Z, id 0123456789abcdef0123456789abcdef'
		]);
		for (const l of lines.slice(at, at + 2)) expect(l.length).toBeLessThanOrEqual(TEXT_WIDTH);
	});

	it('stays on one line when it fits', async () => {
		const r = await analyzeText(LOG + '\n');
		const lines = formatText(r).split('\n');
		expect(lines).toContain('  boot 0: lines 1-2, kernel 6.1.2-zen1-1-zen');
	});
});
