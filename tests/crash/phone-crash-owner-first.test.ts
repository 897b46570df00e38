/**
 * A crash on a phone or tablet is explained first for its owner, who cannot build or decode its
 * kernel: the device's newest system update, then a report with the saved lines to whoever makes
 * the system. The decode step (decode_stacktrace.sh with the vendor's `-dirty` release) follows,
 * for the kernel's builder: it had been the first and only way offered (logs-a5y17lte-dmesg.log's
 * Samsung phone). A PC's crash keeps the decode step first.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';

/** logs-a5y17lte-dmesg.log lines 4 and 523-538 (a Samsung phone: a device maker's kernel build) */
const A5Y17LTE = (banner: string) => [
	banner,
	'[    0.715048] ------------[ cut here ]------------',
	'[    0.715071] WARNING: CPU: 0 PID: 1 at /halium/kernel/samsung/universal7880/include/linux/kref.h:47 set_current_rng+0x60/0x7c()',
	'[    0.715085] Modules linked in:',
	'[    0.715103] CPU: 0 PID: 1 Comm: swapper/0 Tainted: G        W      3.18.14-g406953af719-dirty #1',
	'[    0.715118] Hardware name: Samsung A5Y17 LTE EUR HWID08 board based on Exynos 7880 (DT)',
	'[    0.715132] Call trace:',
	'[    0.715150] [<ffffffc000009404>] dump_backtrace+0x0/0x10c',
	'[    0.715167] [<ffffffc000009520>] show_stack+0x10/0x1c',
	'[    0.715221] [<ffffffc00001bdd4>] warn_slowpath_common+0x88/0xb0',
	'[    0.715238] [<ffffffc00001bec0>] warn_slowpath_null+0x14/0x20',
	'[    0.715256] [<ffffffc000353f1c>] set_current_rng+0x5c/0x7c',
	'[    0.715273] [<ffffffc0003544d0>] hwrng_register+0x1c0/0x23c',
	'[    0.715290] [<ffffffc000354a3c>] exyswd_rng_probe+0x48/0x70',
	'[    0.715309] [<ffffffc00039e6b4>] platform_drv_probe+0x4c/0x9c'
];
const DEVICE_BANNER =
	'[    0.000000] Linux version 3.18.14-g406953af719-dirty (builder@host1) (gcc version 4.9 20150123 (prerelease) (GCC) ) #1 SMP PREEMPT Sat Jul 14 20:37:01 UTC 2018';

const stepsOf = async (lines: string[]) =>
	(await crashesOf(lines)).find((f) => f.rule === 'crash.warning')!.explanation.next_steps;

describe('crash advice on a phone', () => {
	it('a device maker’s kernel: the owner’s update and report first, the decode step for its builder', async () => {
		const s = await stepsOf(A5Y17LTE(DEVICE_BANNER));
		expect(s[0]).toMatch(
			/^What the owner of this phone or tablet can do: this kernel \(`3\.18\.14-g406953af719-dirty`\) is built by the device maker \(an Android or vendor device kernel\): install the device’s newest system update \(or the custom ROM’s newest build, if you flashed one\); if it happens again, save this finding’s lines as (crash-[0-9a-f]{8})\.txt \(.*\) and report it with them and the whole log to the device maker’s support or the custom ROM’s developers\. The steps after this one are for the kernel’s builder/
		);
		expect(s[1]).toMatch(
			/^Turn the trace of the saved crash-[0-9a-f]{8}\.txt into file:line form .*`\.\/scripts\/decode_stacktrace\.sh -r 3\.18\.14-g406953af719-dirty < crash-[0-9a-f]{8}\.txt`$/
		);
		// the update and report steps are the owner's, said once
		expect(s.filter((x) => x.includes('newest system update'))).toHaveLength(1);
		expect(s.some((x) => /newest stable kernel|get_maintainer/.test(x))).toBe(false);
	});

	it('an Android log of a kernel no vendor mark names: the system’s maker or the ROM’s or port’s developers', async () => {
		const s = await stepsOf([
			...A5Y17LTE(
				'[    0.000000] Linux version 3.18.14-g406953af719-dirty (builder@host1) (gcc version 5.4.0 (GCC) ) #1 SMP PREEMPT Sat Jul 14 20:37:01 UTC 2018'
			),
			'[    5.000000] init: init first stage started!'
		]);
		expect(s[0]).toMatch(
			/^What the owner of this phone or tablet can do: .* report it with them and the whole log to the device maker’s support, or the developers of the ROM or port you flashed\./
		);
		expect(s[1]).toMatch(/^Turn the trace of the saved crash-[0-9a-f]{8}\.txt/);
	});

	it('a PC’s crash keeps the decode step first', async () => {
		const s = await stepsOf(
			A5Y17LTE(
				'[    0.000000] Linux version 3.18.14 (builder@host1) (gcc version 5.4.0 (GCC) ) #1 SMP PREEMPT Sat Jul 14 20:37:01 UTC 2018'
			)
		);
		expect(s[0]).toMatch(/^Save this finding’s lines as crash-[0-9a-f]{8}\.txt/);
		expect(s.some((x) => x.startsWith('On a phone'))).toBe(false);
	});
});
