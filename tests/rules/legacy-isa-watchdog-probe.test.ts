/**
 * A legacy ISA watchdog driver that probes the fixed I/O ports of a board the machine does not
 * have (its platform device, named after the driver, is its own): info, not a device that did
 * not answer.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// lkp-calltrace-dmesg-006.log lines 253-262 (a 0-day test VM, 4.x randconfig with every watchdog
// driver built in): acquirewdt finds the port 0x43 taken (the PC timer's); the others print their
// own lines and no probe failure
const BLIND_WATCHDOG_PROBES = [
	'[    6.304988] acquirewdt: WDT driver for Acquire single board computer initialising',
	'[    6.306009] acquirewdt: I/O address 0x0043 already in use',
	'[    6.306644] acquirewdt: probe of acquirewdt failed with error -5',
	'[    6.307560] ib700wdt: WDT driver for IB700 single board computer initialising',
	'[    6.308768] sc1200wdt: build 20020303',
	'[    6.309261] sc1200wdt: io parameter must be specified',
	'[    6.309866] pc87413_wdt: Version 1.1 at io 0x2E',
	'[    6.310407] pc87413_wdt: cannot register miscdev on minor=130 (err=-16)',
	'[    6.311258] nv_tco: NV TCO WatchDog Timer Driver v0.01',
	'[    6.312067] machzwd: MachZ ZF-Logic Watchdog driver initializing'
];

describe('a legacy ISA watchdog probed on a machine without its board', () => {
	it('is info with advice of its own (had been low, "no answer")', async () => {
		const f = await findingsOf(BLIND_WATCHDOG_PROBES);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'hardware.driver-probe-failed',
				'Legacy ISA driver acquirewdt found no board (probed blindly)',
				'info'
			]
		]);
		expect(f[0].details).toMatchObject({
			driver: 'acquirewdt',
			device: 'acquirewdt',
			error: 'EIO (input/output error)'
		});
		expect(f[0].explanation.meaning).toMatch(/fixed I\/O ports/);
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/blacklist/);
	});

	it('keeps an I/O error of a device on a bus a device that did not answer', async () => {
		// log-files-dmesg-log.log line 297: an I2C compass that did not answer its reads
		const f = await findingsOf(['<4>[    3.479290] akm8963: probe of 0-000c failed with error -5']);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['Driver akm8963 could not start its device: no answer', 'low']
		]);
	});
});
