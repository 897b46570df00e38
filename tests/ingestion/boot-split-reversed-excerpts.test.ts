/**
 * Two excerpts of one boot pasted in reverse order (the later one first): the kernel's time goes
 * back at the second, as at a reboot whose start was not copied. They stay two boots, and the
 * report says that they may be one boot out of order (src/lib/ingestion/ring.ts); a real reboot
 * gets no such note. Excerpts are cut from real/linux-bug-dmesg-out.log (kernel 5.9.12, 1.86 s
 * to 124.32 s, no banner) and real/lkp-calltrace-dmesg-007.log.
 */
import { describe, expect, it } from 'vitest';
import { boots, fixtureLines, ingestText, type Run } from './helpers.ts';

const NAME = 'real/linux-bug-dmesg-out.log';
/** 62.56 s to 124.32 s: firmware stalls, then a WARNING in nl80211_get_reg_do */
const LATER = fixtureLines(NAME, 51, 100);
/** 2.22 s to 11.93 s: USB devices, systemd's generators */
const EARLIER = fixtureLines(NAME, 20, 50);

const REVERSED = 'of one boot pasted in reverse order';

function notes(run: Run): string[] {
	return run.summary.input.warnings.filter((w) => w.includes(REVERSED));
}

describe('two excerpts of one boot pasted in reverse order', () => {
	it('stay two boots, and the report says they may be one boot out of order', () => {
		const run = ingestText([...LATER, ...EARLIER].join('\n') + '\n');
		expect(boots(run)).toEqual(['start@1-50', 'timestamp-reset@51-81']);
		expect(notes(run)).toEqual([
			"The kernel's time goes back at line 51, from 124.324506 s to 2.217428 s, with no sign of a reboot (no `Linux version` banner, no journal boot marker, no start near 0 s, no restart or panic before it), and lines 51-81 end (11.928870 s) before the log's first time (62.561725 s). The kernel's time goes back only when it boots again, and dmesg prints a boot's messages in the order of their times: these are two excerpts, of two boots, or of one boot pasted in reverse order, which the text does not tell apart. They are counted as two boots; if they are one, paste them in the order of their times."
		]);
		// in the order of their times they are one boot, without a note
		const inOrder = ingestText([...EARLIER, ...LATER].join('\n') + '\n');
		expect(boots(inOrder)).toEqual(['start@1-81']);
		expect(notes(inOrder)).toEqual([]);
	});

	it('a real reboot gets no note: a banner, a journal marker, a time back to near 0 s', () => {
		const banner = ingestText(
			[
				...LATER,
				'[    0.000000] Linux version 5.9.12 (builder@host1) (gcc (GCC) 10.2.0) #1 SMP PREEMPT',
				...EARLIER
			].join('\n') + '\n'
		);
		expect(boots(banner).map((b) => b.slice(0, b.indexOf('@')))).toEqual(['start', 'banner']);
		expect(notes(banner)).toEqual([]);
		const marker = ingestText(
			[...LATER, '-- Boot 3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d --', ...EARLIER].join('\n') + '\n'
		);
		expect(notes(marker)).toEqual([]);
		// the excerpt's first line, 1.86 s, starts near 0 s
		const nearZero = ingestText([...LATER, ...fixtureLines(NAME, 1, 50)].join('\n') + '\n');
		expect(boots(nearZero)).toEqual(['start@1-50', 'timestamp-reset@51-100']);
		expect(notes(nearZero)).toEqual([]);
	});

	it('a reboot the first part announced, or another kernel, gets no note', () => {
		const restart = ingestText(
			[...LATER, '[  124.400000] reboot: Restarting system', ...EARLIER].join('\n') + '\n'
		);
		expect(boots(restart)).toHaveLength(2);
		expect(notes(restart)).toEqual([]);
		// a WARNING of kernel 4.10.0-rc3 at 1457.70 s, then this 5.9.12 excerpt: two kernels
		const other = ingestText(
			[...fixtureLines('real/lkp-calltrace-dmesg-007.log', 25, 54), ...LATER].join('\n') + '\n'
		);
		expect(boots(other)).toEqual(['start@1-30', 'timestamp-reset@31-80']);
		expect(notes(other)).toEqual([]);
	});
});
