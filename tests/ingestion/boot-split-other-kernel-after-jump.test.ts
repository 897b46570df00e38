/**
 * lkp's `dmesg-007` fixture is two dmesg excerpts joined by a blank line: a QEMU guest's oops at
 * 41 s (kernel 4.10.0-rc6-00059-g2497278), then a DX58SO board's WARNING at 1457 s (kernel
 * 4.10.0-rc3-00259-g9881b02, lkp's `dmesg-002` alone). It had been one boot named after the guest's
 * kernel and QEMU, the board's lines counted in it (`physical` and a hypervisor on one boot). Where a
 * dmesg's time jumps forward by more than 60 s, the records from the jump on are held until one
 * names a kernel (OTHER_KERNEL in src/lib/ingestion/tracker.ts): another release than the boot's
 * starts a boot at the jump.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import {
	boots,
	fixtureLines,
	ingestBytes,
	ingestText,
	later,
	readFixture,
	type Run
} from './helpers.ts';

const JOINED = 'real/lkp-calltrace-dmesg-007.log';
const GUEST = fixtureLines(JOINED, 1, 23);
const BOARD = fixtureLines(JOINED, 25, 54);
const text = (...parts: string[][]): string => parts.flat().join('\n') + '\n';
const kernels = (run: Run) => run.summary.metadata.boots.map((b) => b.kernel_version);

describe('a dmesg excerpt of another kernel after a forward jump of the time', () => {
	it('lkp-calltrace-dmesg-007.log: two boots, each with its kernel and machine', async () => {
		const run = ingestText(new TextDecoder().decode(readFixture(JOINED)));
		expect(boots(run)).toEqual(['start@1-23', 'shape-change@25-54']);
		expect(kernels(run)).toEqual(['4.10.0-rc6-00059-g2497278', '4.10.0-rc3-00259-g9881b02']);
		const meta = run.summary.metadata;
		expect(meta.boots.map((b) => [b.hypervisor, b.physical])).toEqual([
			['QEMU', false],
			[null, true]
		]);
		expect(meta.latest_kernel_version).toBe('4.10.0-rc3-00259-g9881b02');
		expect(run.summary.input.warnings).toEqual([
			expect.stringMatching(
				/^Line 25 starts another log .*from 41\.059393 s to 1457\.700884 s.* names kernel 4\.10\.0-rc3-00259-g9881b02, where the lines before ran 4\.10\.0-rc6-00059-g2497278/
			)
		]);
		// the WARNING and its report are the board's boot's, every record once, in order
		expect(run.blocks.filter((b) => b.startsWith('WARNING'))).toEqual(['WARNING:@28-44/1']);
		expect(run.records.map((r) => r.line)).toEqual([
			...Array.from({ length: 23 }, (_, i) => i + 1),
			...Array.from({ length: 30 }, (_, i) => i + 25)
		]);
		const report = await analyzeText(new TextDecoder().decode(readFixture(JOINED)));
		expect(report.metadata.boots.map((b) => b.physical)).toEqual([false, true]);
	});

	it('is the same in small chunks and with CRLF line ends', async () => {
		const bytes = readFixture(JOINED);
		for (const chunk of [1, 7, 64])
			expect(boots(await ingestBytes(bytes, chunk))).toEqual(['start@1-23', 'shape-change@25-54']);
		const crlf = new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/\n/g, '\r\n'));
		expect(boots(await ingestBytes(crlf, 13))).toEqual(['start@1-23', 'shape-change@25-54']);
	});

	it('the same kernel’s WARNING again 600 s later stays in its boot', () => {
		const run = ingestText(
			text(
				BOARD,
				BOARD.map((l) => later(l, 600))
			)
		);
		expect(boots(run)).toEqual(['start@1-60']);
		expect(run.summary.input.warnings).toEqual([]);
	});

	it('a jump after which no line names a kernel stays in the boot', () => {
		// the board's smpboot lines alone, 1416 s after the guest's oops: nothing says whose
		const run = ingestText(text(GUEST, [''], BOARD.slice(20)));
		expect(boots(run)).toEqual(['start@1-34']);
		expect(kernels(run)).toEqual(['4.10.0-rc6-00059-g2497278']);
		expect(run.records).toHaveLength(33);
	});
});
