/**
 * Crash facts, trace marks and explanations found wrong by a QA reading of the real-log corpus
 * and the syzkaller corpus, each with a verbatim excerpt of the log named in its comment.
 */
import { describe, expect, it } from 'vitest';
import { guiltyMarks } from '../../src/lib/output/common.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';

describe('the guilty mark of a function that calls itself', () => {
	// satyr-gitlog-01.log lines 35-43 (abrt/satyr, 3.5.0-rc5, ARM): the driver takes its own lock
	// again from a nested call, and both frames of the function had been marked
	const LOCKUP = [
		'[   65.470000] BUG: spinlock lockup suspected on CPU#0, ksdioirqd/mmc0/73',
		'[   65.470000]  lock: 0xc3358724, .magic: dead4ead, .owner: ksdioirqd/mmc0/73, .owner_cpu: 0',
		'[   65.470000] [<c0014990>] (unwind_backtrace+0x0/0xf4) from [<c01b46b0>] (do_raw_spin_lock+0x100/0x144)',
		'[   65.470000] [<c01b46b0>] (do_raw_spin_lock+0x100/0x144) from [<c02f6724>] (_raw_spin_lock_irqsave+0x50/0x5c)',
		'[   65.470000] [<c02f6724>] (_raw_spin_lock_irqsave+0x50/0x5c) from [<bf054120>] (mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc])',
		'[   65.470000] [<bf054120>] (mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc]) from [<bf0541d0>] (mxs_mmc_enable_sdio_irq+0xc8/0xdc [mxs_mmc])',
		'[   65.470000] [<bf0541d0>] (mxs_mmc_enable_sdio_irq+0xc8/0xdc [mxs_mmc]) from [<c0219b38>] (sdio_irq_thread+0x1bc/0x274)',
		'[   65.470000] [<c0219b38>] (sdio_irq_thread+0x1bc/0x274) from [<c003c324>] (kthread+0x8c/0x98)',
		'[   65.470000] [<c003c324>] (kthread+0x8c/0x98) from [<c00101ac>] (kernel_thread_exit+0x0/0x8)'
	];

	it('marks only the innermost call, the one the title names', async () => {
		const result = await analyzeText(LOCKUP.join('\n') + '\n');
		const f = result.findings[0];
		expect(f.title).toBe('BUG: spinlock lockup suspected in mxs_mmc_enable_sdio_irq');
		const stack = f.stack!;
		const marked = stack.frames.filter((_, i) => guiltyMarks(stack)[i]);
		expect(marked.map((fr) => `${fr.function}+${fr.offset}`)).toEqual([
			'mxs_mmc_enable_sdio_irq+0x18'
		]);
		const text = formatText(result);
		expect(text).toContain('   > mxs_mmc_enable_sdio_irq+0x18/0xdc [mxs_mmc]');
		expect(text).toContain('     mxs_mmc_enable_sdio_irq+0xc8/0xdc [mxs_mmc]');
	});

	it('marks the first of several unreliable frames when no frame of it is reliable', () => {
		const frame = (fn: string, offset: string) => ({
			function: fn,
			offset,
			size: '0x40',
			module: null,
			reliable: false,
			context: 'task',
			line: 1,
			source: null
		});
		const frames = [frame('a', '0x1'), frame('f', '0x2'), frame('f', '0x3')];
		expect(guiltyMarks({ frames, guilty_frame: 'f' })).toEqual([false, true, false]);
	});
});

void findingsOf;
