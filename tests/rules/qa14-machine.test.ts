/**
 * Findings of a QA reading of the real-log corpus, with verbatim excerpts: lkp-39.log (a QEMU
 * guest whose floppy driver timed out while `mount` opened the drive, then warned in
 * drivers/block/floppy.c).
 */
import { describe, expect, it } from 'vitest';
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
});
