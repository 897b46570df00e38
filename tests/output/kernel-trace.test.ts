/**
 * A call trace as the kernel printed it (`kernelTrace`, what the page's Copy call trace and a copy
 * of the trace's rows give): one frame a line with the stack-switch markers the kernel printed
 * among the frames, where it printed them. They had been left out: pasted into a bug report, the
 * frames of an interrupt read as the task's.
 */
import { describe, expect, it } from 'vitest';
import { kernelTrace } from '../../src/lib/output/common.ts';
import { analyzeLines } from '../support/analyze.ts';
import {
	CRASH_DMESG_HARD_LOCKUP,
	I225NIC_WARN_THEN_BUG,
	KERNELOOPS_SPINLOCK_LOCKUP
} from '../support/excerpts.ts';

async function crash(lines: string[], title: string) {
	const f = (await analyzeLines(lines)).findings.find((x) => x.title === title);
	expect(f?.stack?.frames.length).toBeGreaterThan(0);
	return { frames: f!.stack!.frames, evidence: f!.evidence };
}

/** the lines of a trace, from its first to its last, without time stamp and the leading space */
function printed(lines: string[], from: string, to: string): string {
	const text = lines.map((l) => l.replace(/^<\d>(?:\[ *[\d.]+\] )?/, ''));
	const a = text.indexOf(from);
	return (
		text
			.slice(a, text.indexOf(to, a) + 1)
			.filter((l) => !/^(?:Code|R[A-Z0-9]{2}): /.test(l))
			.map((l) =>
				l
					.replace(/^ /, '')
					.replace(/^(<<EOE>>|<[^>]+>) {2}\[<[0-9a-f]+>\] /, '$1\n')
					.replace(/^\[<[0-9a-f]+>\] /, '')
			)
			.join('\n') + '\n'
	);
}

describe('a copied call trace keeps the markers the kernel printed between its frames', () => {
	it('<IRQ>, </IRQ>, <TASK> and </TASK> of a 5.13 kernel, before, among and after the frames', async () => {
		const { frames, evidence } = await crash(
			I225NIC_WARN_THEN_BUG,
			'WARNING: refcount bug in tcp_wfree'
		);
		const text = kernelTrace(frames, evidence);
		expect(text).toBe(printed(I225NIC_WARN_THEN_BUG, ' <IRQ>', ' </TASK>'));
		expect(text.split('\n').slice(0, 3)).toEqual([
			'<IRQ>',
			'tcp_wfree+0x134/0x150',
			'skb_release_head_state+0x41/0x90'
		]);
		expect(text).toContain(
			'common_interrupt+0x8a/0xa0\n</IRQ>\n<TASK>\nasm_common_interrupt+0x1e/0x40\n? cpuidle_enter_state+0xbb/0x360\n'
		);
		expect(text.endsWith('secondary_startup_64_no_verify+0xc2/0xcb\n</TASK>\n')).toBe(true);
	});

	it('a selection of frames has the markers among them and right around them', async () => {
		const { frames, evidence } = await crash(
			I225NIC_WARN_THEN_BUG,
			'WARNING: refcount bug in tcp_wfree'
		);
		const at = frames.findIndex((fr) => fr.function === 'common_interrupt');
		expect(kernelTrace(frames.slice(at, at + 2), evidence)).toBe(
			'common_interrupt+0x8a/0xa0\n</IRQ>\n<TASK>\nasm_common_interrupt+0x1e/0x40\n'
		);
		// frames away from a marker are the frames alone
		expect(kernelTrace(frames.slice(2, 4), evidence)).toBe(
			'skb_release_all+0x13/0x30\nnapi_consume_skb+0x7e/0xd0\n'
		);
	});

	it('old kernels’ <NMI> and <<EOE>> on the line of the frame after them', async () => {
		const { frames, evidence } = await crash(
			CRASH_DMESG_HARD_LOCKUP,
			'watchdog: hard LOCKUP in do_exit'
		);
		const text = kernelTrace(frames, evidence);
		expect(text).toBe(
			printed(
				CRASH_DMESG_HARD_LOCKUP,
				' <NMI>  [<ffffffff810f2c41>] ? watchdog_overflow_callback+0xf1/0x110',
				' [<ffffffff8100b3a1>] ? int_signal+0x12/0x17'
			)
		);
		expect(text).toContain(
			'? __write_lock_failed+0xf/0x20\n<<EOE>>\n? _write_lock_irq+0x1e/0x20\n'
		);
		expect(text.startsWith('<NMI>\n? watchdog_overflow_callback+0xf1/0x110\n')).toBe(true);
	});

	it('an exception stack’s <#DF>', async () => {
		const { frames, evidence } = await crash(
			KERNELOOPS_SPINLOCK_LOCKUP,
			'BUG: spinlock lockup in taskstats_exit'
		);
		expect(kernelTrace(frames, evidence).split('\n').slice(0, 3)).toEqual([
			'<#DF>',
			'_raw_spin_lock+0xfd/0x125',
			'_spin_lock_irqsave+0x20/0x27'
		]);
	});

	it('the top frame of a register dump inside the trace’s first <IRQ>, as the trace begins', async () => {
		// the BUG's RIP (dql_completed) is printed before `Call Trace:`, whose first line is <IRQ>:
		// the RIP ran in the interrupt, and had been copied above <IRQ>, read as the task's
		const { frames, evidence } = await crash(I225NIC_WARN_THEN_BUG, 'kernel BUG in dql_completed');
		expect(frames[0].function).toBe('dql_completed');
		const text = kernelTrace(frames, evidence);
		expect(text.split('\n').slice(0, 3)).toEqual([
			'<IRQ>',
			'dql_completed+0x140/0x150',
			'? igc_clean_tx_irq+0x151/0x3a0 [igc]'
		]);
		// the trace's <IRQ> once, its other markers where the kernel printed them
		expect(text.match(/<IRQ>/g)).toHaveLength(1);
		expect(text).toContain(
			'common_interrupt+0x8a/0xa0\n</IRQ>\n<TASK>\nasm_common_interrupt+0x1e/0x40\n'
		);
		// the frames after the RIP's alone, as a selection of rows: the marker right before them
		expect(kernelTrace(frames.slice(1, 2), evidence)).toBe(
			'<IRQ>\n? igc_clean_tx_irq+0x151/0x3a0 [igc]\n'
		);
	});

	it('without the report’s lines, the frames alone', async () => {
		const { frames } = await crash(I225NIC_WARN_THEN_BUG, 'WARNING: refcount bug in tcp_wfree');
		expect(kernelTrace(frames.slice(0, 2), [])).toBe(
			'tcp_wfree+0x134/0x150\nskb_release_head_state+0x41/0x90\n'
		);
	});
});
