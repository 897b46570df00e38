/**
 * A kernel out of dynamic character-device majors: the drivers whose fixed major was taken do not
 * start (a missing device), and the driver given a major below the dynamic range says so.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// lkp-59.log lines 1-3 (the kernel test robot's 4.8-rc1 randconfig kernel in QEMU, very many
// drivers built in; its general protection fault in hfi1's init follows)
const MAJORS_RAN_OUT = [
	"[   17.063111] user_verbs: couldn't register device number",
	"[   17.064142] ucm: couldn't register device number",
	'[   17.068964] CHRDEV "hfi1" major number 224 goes below the dynamic allocation range'
];

describe('character device numbers that ran out', () => {
	it('are a low finding for the drivers that could not start and a routine notice of the range (had been none)', async () => {
		const f = await findingsOf(MAJORS_RAN_OUT);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'other.chrdev-numbers-taken',
				'InfiniBand user-space interfaces could not register their device numbers',
				'low',
				2
			],
			[
				'other.chrdev-below-dynamic-range',
				'Drivers given character device numbers below the dynamic range',
				'info',
				1
			]
		]);
		expect(f[0].details).toMatchObject({ drivers: ['user_verbs', 'ucm'] });
		expect(f[0].evidence.map((e) => e.text)).toEqual([
			"user_verbs: couldn't register device number",
			"ucm: couldn't register device number"
		]);
		expect(f[1].details).toMatchObject({ driver: 'hfi1', major: 224 });
		expect(f[0].explanation.meaning).toMatch(/\/dev\/infiniband is missing/);
		expect(f[0].explanation.next_steps[0]).toMatch(/\/proc\/devices/);
		expect(f[1].explanation.next_steps).toEqual([
			expect.stringMatching(/^Nothing is needed unless a driver reports/)
		]);
	});

	it('is a routine notice alone: a phone’s own drivers below the range, nothing failing', async () => {
		// cykeek-stuff-console-ramoops-0.log lines 417 and 1281 (a phone's vendor kernel, two boots)
		const f = await findingsOf([
			'[    8.319894]  (6)[1:init]CHRDEV "msm_usb_bridge" major number 223 goes below the dynamic allocation range',
			'[    3.830137]  (6)[1:swapper/0]CHRDEV "avtimer" major number 228 goes below the dynamic allocation range'
		]);
		expect(f.map((x) => [x.rule, x.severity, x.count])).toEqual([
			['other.chrdev-below-dynamic-range', 'info', 2]
		]);
		expect(f[0].details).toMatchObject({ drivers: ['msm_usb_bridge', 'avtimer'] });
	});

	it('is low when the second range is full too and the driver is refused', async () => {
		// fs/char_dev.c of newer kernels (no real log has it)
		const f = await findingsOf(['[    2.000000] CHRDEV "ttyS" dynamic allocation region is full']);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['Character device numbers ran out: a driver could not register', 'low']
		]);
	});
});
