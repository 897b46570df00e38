/**
 * A crash on a phone or tablet is explained first for its owner, who cannot build or decode its
 * kernel: the device's newest system update, then a report with the saved lines to whoever makes
 * the system. The decode step (decode_stacktrace.sh with the vendor's `-dirty` release) follows,
 * for the kernel's builder: it had been the first and only way offered (logs-a5y17lte-dmesg.log's
 * Samsung phone). A PC's crash keeps the decode step first.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';
import { A5Y17LTE_KREF_WARN } from '../support/excerpts.ts';

/** logs-a5y17lte-dmesg.log's line 4 (its banner, given here) and its WARN at lines 523-550 (a Samsung phone: a device maker's kernel build) */
const A5Y17LTE = (banner: string) => [banner, ...A5Y17LTE_KREF_WARN];
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
