/**
 * A frame as the kernel printed it (`kernelFrame`, what the page's Copy call trace gives, one a
 * line): its `? ` when unreliable, offset and size, and module in brackets, without the context
 * the reports' frame lists add (`  (irq)`). The frames are i225nic's pstore log's (a Call Trace
 * in an interrupt, lines 912-913 and 916 of `pstore_panic_log.txt`'s second panic).
 */
import { describe, expect, it } from 'vitest';
import { parseFrameLine } from '../../src/lib/analysis/stack.ts';
import { frameLabel, kernelFrame } from '../../src/lib/output/common.ts';

const PRINTED = [
	'? igc_clean_tx_irq+0x151/0x3a0 [igc]',
	'igc_poll+0x32/0x320 [igc]',
	'__napi_poll+0x2e/0x140'
];

describe('a frame as the kernel printed it', () => {
	for (const text of PRINTED)
		it(text, () => {
			const fr = parseFrameLine(` ${text}`, 912, 'irq');
			expect(fr).not.toBeNull();
			expect(kernelFrame(fr!)).toBe(text);
			expect(frameLabel(fr!)).toBe(`${text}  (irq)`);
		});
	it('a task’s frame is listed as printed in the reports too', () => {
		const fr = parseFrameLine(' ? wake_up_process+0x15/0x20', 914)!;
		expect(kernelFrame(fr)).toBe('? wake_up_process+0x15/0x20');
		expect(frameLabel(fr)).toBe('? wake_up_process+0x15/0x20');
	});
});
