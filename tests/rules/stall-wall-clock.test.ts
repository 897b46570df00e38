/**
 * A stall rule (LineRule.stall: firmware.request-stalled) measures the device's silence by the
 * kernel's time; a log without kernel times (`dmesg -T`, `-H`, journalctl's short output) measures
 * it by the wall time of its prefixes, as far as they tell it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';

// linux-bug-dmesg-out.log (fixtures/formats/real), lines 55-56: iwlwifi 5.9 waits for its debug
// file for 61.5 s (62.566220 s, then 124.072284 s), as util-linux 2.38.1 prints them
const LOADED =
	'iwlwifi 0000:52:00.0: loaded firmware version 55.d9698065.0 cc-a0-55.ucode op_mode iwlmvm';
const DETECTED = 'iwlwifi 0000:52:00.0: Detected Intel(R) Wi-Fi 6 AX200 160MHz, REV=0x340';

async function stalls(lines: string[]) {
	const r = await analyzeText(lines.join('\n') + '\n', { year: 2026 });
	return r.findings
		.filter((f) => f.rule === 'firmware.request-stalled')
		.map((f) => [f.first_line, f.last_line, f.details.waited_s]);
}

describe('a stall without kernel times', () => {
	it('is measured by dmesg -T’s times', async () => {
		// no finding before: the wait needed a kernel time
		expect(
			await stalls([
				`[Thu Dec  3 16:11:52 2026] ${LOADED}`,
				`[Thu Dec  3 16:12:54 2026] ${DETECTED}`
			])
		).toEqual([[1, 2, 62]]);
	});

	it('is measured by journalctl’s short times', async () => {
		expect(
			await stalls([
				`Dec 03 16:11:52 myhost kernel: ${LOADED}`,
				`Dec 03 16:12:54 myhost kernel: ${DETECTED}`
			])
		).toEqual([[1, 2, 62]]);
	});

	it('is not found when the device speaks again within seconds', async () => {
		expect(
			await stalls([
				`[Thu Dec  3 16:11:52 2026] ${LOADED}`,
				`[Thu Dec  3 16:11:53 2026] ${DETECTED}`
			])
		).toEqual([]);
	});

	it('is measured by dmesg -H’s deltas within a minute’s lines', async () => {
		expect(
			await stalls([
				`[Dec 3 16:11] ${LOADED}`,
				'[ +30.000000] usb 1-1.1: other device',
				`[ +26.000000] ${DETECTED}`
			])
		).toEqual([[1, 3, 56]]);
	});

	it('is not claimed from dmesg -H when a minute line hides its length', async () => {
		// `dmesg -H` of the real log: the minute line of 16:12 does not say how long after the
		// line before it came, so the wait lies anywhere between 0 and 69 s
		expect(
			await stalls([
				'[Dec 3 16:11] systemd-xdg-autostart-generator[462]: Not generating service',
				'[ +50.632855] iwlwifi 0000:52:00.0: api flags index 2 larger than supported by driver',
				`[  +0.004975] ${LOADED}`,
				`[Dec 3 16:12] ${DETECTED}`
			])
		).toEqual([]);
		// late in one minute and late in the next: between 57 and 62 s
		expect(
			await stalls([
				'[Dec 3 16:11] usb 1-1.1: other device',
				`[ +58.000000] ${LOADED}`,
				'[Dec 3 16:12] usb 1-1.1: other device',
				`[ +57.000000] ${DETECTED}`
			])
		).toEqual([[2, 4, 57]]);
	});
});
