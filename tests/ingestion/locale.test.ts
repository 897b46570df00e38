/**
 * Dates in another locale's words: `dmesg -T` / `-H` and journalctl's short output print month
 * and weekday names with strftime, in the user's locale (and the reltime delta with its decimal
 * comma). A Latin-1 locale's accented letters are not UTF-8: they are read as U+FFFD.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { ingestText } from './helpers.ts';

// util-linux 2.38.1 `dmesg -F FILE -T` / `-H` of linux-bug-dmesg-out.log (fixtures/formats/real,
// lines 1-2 and 55-56, read as one boot of 2026-12-03) in each locale; ISO-8859-1's `é` (0xE9) is
// U+FFFD once decoded
const WORDS: Record<string, { ctime: string; minute: (m: string) => string; delta: string }> = {
	'de_DE.UTF-8': { ctime: 'Do Dez  3', minute: (m) => `Dez 3 16:${m}`, delta: ',' },
	'fr_FR.UTF-8': { ctime: 'jeu. déc.  3', minute: (m) => `déc. 3 16:${m}`, delta: ',' },
	'fr_FR.ISO-8859-1': {
		ctime: 'jeu. d\ufffdc.  3',
		minute: (m) => `d\ufffdc. 3 16:${m}`,
		delta: ','
	},
	C: { ctime: 'Thu Dec  3', minute: (m) => `Dec 3 16:${m}`, delta: '.' }
};
const MSG = [
	'usb 1-1.1: new full-speed USB device number 4 using xhci_hcd',
	'usb 1-1.1: New USB device found, idVendor=1d57, idProduct=ad03, bcdDevice= 4.07',
	'iwlwifi 0000:52:00.0: loaded firmware version 55.d9698065.0 cc-a0-55.ucode op_mode iwlmvm',
	'iwlwifi 0000:52:00.0: Detected Intel(R) Wi-Fi 6 AX200 160MHz, REV=0x340'
];

describe('dates in another locale', () => {
	for (const [locale, w] of Object.entries(WORDS)) {
		it(`dmesg -T in ${locale}`, () => {
			const text = [
				`[${w.ctime} 16:10:51 2026] ${MSG[0]}`,
				`[${w.ctime} 16:10:51 2026] ${MSG[1]}`,
				`[${w.ctime} 16:11:52 2026] ${MSG[2]}`,
				`[${w.ctime} 16:12:54 2026] ${MSG[3]}`
			].join('\n');
			const run = ingestText(text + '\n');
			// they had been bare text, without their dates
			expect(run.summary.input.formats).toEqual({ 'dmesg-ctime': 4 });
			expect(run.records.map((r) => new Date(r.wall).toISOString().slice(11, 19))).toEqual([
				'16:10:51',
				'16:10:51',
				'16:11:52',
				'16:12:54'
			]);
			expect(run.records[3].text).toBe(MSG[3]);
		});

		it(`dmesg -H in ${locale}`, () => {
			const text = [
				`[${w.minute('10')}] ${MSG[0]}`,
				`[  +0${w.delta}095585] ${MSG[1]}`,
				`[  +0${w.delta}001480] ${MSG[2]}`,
				`[${w.minute('12')}] ${MSG[3]}`
			].join('\n');
			const run = ingestText(text + '\n', { year: 2026 });
			// a day below 10 is padded with a space (`Dec 3`): the minute lines had been bare or
			// unparsed text in every locale, the deltas with a comma too
			expect(run.summary.input.formats).toEqual({ 'dmesg-reltime': 4 });
			expect(run.records.map((r) => r.text)).toEqual(MSG);
			expect(new Date(run.records[0].wall).toISOString()).toBe('2026-12-03T16:10:00.000Z');
			expect(run.records[2].wall - run.records[0].wall).toBeCloseTo(97.065, 3);
		});
	}

	it('journalctl short in German and French, also in Latin-1', async () => {
		for (const [dec, feb] of [
			['Dez 03', 'Feb 03'],
			['déc. 03', 'févr. 03'],
			['d\ufffdc. 03', 'f\ufffdvr. 03']
		]) {
			const text =
				[
					`${dec} 16:10:51 myhost kernel: Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)`,
					`${feb} 09:00:00 myhost kernel: BUG: kernel NULL pointer dereference, address: 0000000000000008`
				].join('\n') + '\n';
			const r = await analyzeText(text);
			// in Latin-1 they had been bare text; in French the year was the placeholder, the date
			// of the banner line not being read as one
			expect(r.input.formats, dec).toEqual({ syslog: 2 });
			expect(r.input.assumed_year, dec).toMatchObject({ first: 2023, last: 2024 });
			expect(r.findings.some((f) => f.rule === 'crash.null-deref')).toBe(true);
		}
	});
});
