/**
 * Findings of a QA reading of the real-log corpus, with verbatim excerpts: lkp-39.log (a QEMU
 * guest whose floppy driver timed out while `mount` opened the drive, then warned in
 * drivers/block/floppy.c).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';

describe('floppy driver timeouts', () => {
	// lkp-39.log lines 1-2 (QEMU Standard PC (i440FX + PIIX, 1996), kernel 4.8.0-rc1)
	const LINES = [
		'[  220.284097] no cont in shutdown!',
		'[  220.284551] floppy0: floppy_shutdown: timeout handler died.  '
	];

	it('are a low storage finding with the advice to blacklist the driver', async () => {
		const f = await findingsOf(LINES);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.first_line])).toEqual([
			['storage.floppy-timeout', 'Floppy controller did not answer (fd0)', 'low', 2]
		]);
		expect(f[0].details).toMatchObject({ drive: 'fd0' });
		expect(f[0].explanation.next_steps[0]).toContain('blacklist floppy');
	});

	// the driver's other two messages (drivers/block/floppy.c floppy_shutdown, floppy_rb0_cb), in
	// the formats it prints them; no log of the corpus has them
	it('tell a failed first read apart, and group the two timeout messages', async () => {
		const f = await findingsOf([
			'[    5.000000] floppy0: floppy timeout called',
			'[    5.000100] floppy0: floppy_shutdown: timeout handler died.',
			'[    5.100000] floppy: error 10 while reading block 0'
		]);
		expect(f.map((x) => [x.title, x.count])).toEqual([
			['Floppy controller did not answer (fd0)', 2],
			['Floppy drive could not be read when it was opened', 1]
		]);
		expect(f[1].details).toMatchObject({ drive: null, error: '10' });
	});

	// lkp-39.log lines 1-17: the floppy driver's own state check warns right after the timeout
	it('are the cause of the WARN the floppy driver prints after them', async () => {
		const r = await analyzeText(
			[
				'[  220.284097] no cont in shutdown!',
				'[  220.284551] floppy0: floppy_shutdown: timeout handler died.  ',
				'[  220.866855] ------------[ cut here ]------------',
				'[  220.866913] WARNING: CPU: 0 PID: 860 at drivers/block/floppy.c:975 schedule_bh+0x29/0x4b',
				'[  220.866918] Modules linked in:',
				'[  220.866946] CPU: 0 PID: 860 Comm: mount Not tainted 4.8.0-rc1 #1',
				'[  220.866949] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
				'[  220.866979]  0000000000000000 ffff880015e4ba70 ffffffff8178d75d 0000000000000000',
				'[  220.867007]  0000000000000000 ffff880015e4bab0 ffffffff810e5cd8 000003cf15e4b9c0',
				'[  220.867014]  ffffffff81c0c606 ffffea00004cf0e8 ffff88001647d080 0000000000000000',
				'[  220.867016] Call Trace:',
				'[  220.867072]  [<ffffffff8178d75d>] dump_stack+0x82/0xb8',
				'[  220.867081]  [<ffffffff810e5cd8>] __warn+0xc2/0xdd',
				'[  220.867108]  [<ffffffff81c0c606>] ? request_done+0x14a/0x14a',
				'[  220.867114]  [<ffffffff810e5daf>] warn_slowpath_null+0x1d/0x1f',
				'[  220.867140]  [<ffffffff81c0a609>] schedule_bh+0x29/0x4b',
				'[  220.867146]  [<ffffffff81c0a64b>] process_fd_request+0x20/0x22'
			].join('\n')
		);
		expect(r.cascades.map((c) => c.description)).toEqual([
			'Floppy controller did not answer (fd0) → WARNING in schedule_bh'
		]);
		expect(r.summary.root_cause).toBe(
			r.findings.find((f) => f.rule === 'storage.floppy-timeout')?.id
		);
	});
});
