/**
 * The wall time of a finding's occurrence whose line has a kernel time in a calibrated stretch of
 * its boot is when the kernel printed it (the stretch's offset plus the kernel time), as a crash
 * report's already was: a syslog prefix on the line is when the logger received it, seconds to a
 * minute later at boot. Where the line's prefix and that time lie more than 2 minutes apart, the
 * clock was set in between (a step too small to start a stretch): the line's own time is kept.
 * Lines are real: a phone's syslog (fixtures/formats/real/ubtouch-dmesg-syslog-excerpt.log) and a
 * Raspberry Pi's kern.log (izassafar-one-kern-log.log in the real corpus, lines 1420-1429 and
 * 3562-3567; its host is `ubuntu`).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { fixtureLines } from './helpers.ts';

const PHONE = fixtureLines('real/ubtouch-dmesg-syslog-excerpt.log', 1, 506);

const occurrences = async (lines: string[], year?: number) =>
	(await analyzeText(lines.join('\n') + '\n', year === undefined ? {} : { year })).findings
		.flatMap((f) => f.occurrences)
		.sort((a, b) => a.first_line - b.first_line);

describe('occurrence wall times', () => {
	it('are when the kernel printed the line, not when syslog received it', async () => {
		const r = await analyzeText(PHONE.join('\n') + '\n');
		const [cal] = r.metadata.calibration;
		const occ = r.findings.flatMap((f) => f.occurrences).find((o) => o.first_line === 46);
		// `Dec  4 11:16:33 … [    5.110179] EXT2-fs (loop0): …`: received 10 s after it was printed
		expect(PHONE[45]).toMatch(/^Dec {2}4 11:16:33 .*\[ {4}5\.110179\]/);
		expect(occ?.wall).toBe(new Date(cal.offset_ms + 5110.179).toISOString());
		expect(occ?.wall).toBe('2015-12-04T11:16:22.432Z');
		// the phone's RTC read 11:16:21 (to the second) at 3.377688 s: 11:16:22.7-23.7 at 5.110179 s
		expect(PHONE[3]).toContain(
			'[    3.377688] qcom,qpnp-rtc qpnp-rtc-f1de3000: setting system clock to 2015-12-04 11:16:21 UTC'
		);
		const rtc = 1449227781000 + 5110.179 - 3377.688;
		expect(Date.parse(occ!.wall!) - rtc).toBeGreaterThanOrEqual(-(cal.uncertainty_ms + 1000));
		expect(Date.parse(occ!.wall!) - rtc).toBeLessThanOrEqual(cal.uncertainty_ms);
	});

	it('keep the line’s own time where the clock was set between (4 minutes forward)', async () => {
		const lines = [
			'Jul  6 11:44:52 ubuntu kernel: [   23.160588] IPv6: ADDRCONF(NETDEV_CHANGE): wlan0: link becomes ready',
			'Jul  6 11:44:52 ubuntu kernel: [   25.003533] new mount options do not match the existing superblock, will be ignored',
			'Jul  6 11:44:56 ubuntu kernel: [   28.993796] aufs 4.x-rcN-20190805',
			'Jul  6 11:44:58 ubuntu kernel: [   31.005020] kauditd_printk_skb: 5 callbacks suppressed',
			'Jul  6 11:44:59 ubuntu kernel: [   31.874421] Bridge firewalling registered',
			'Jul  6 11:45:00 ubuntu kernel: [   32.353678] Initializing XFRM netlink socket',
			'Jul  6 11:57:31 ubuntu kernel: [  541.434962] Under-voltage detected! (0x00050005)'
		];
		const occ = await occurrences(lines, 2020);
		expect(occ.map((o) => [o.first_line, o.wall])).toEqual([[7, '2020-07-06T11:57:31.000Z']]);
	});

	it('after a step of the clock that starts a stretch, from the step’s own line on', async () => {
		const lines = [
			'Jul  7 08:55:14 ubuntu kernel: [   32.788465] Bridge firewalling registered',
			'Jul  7 08:55:14 ubuntu kernel: [   32.822055] bpfilter: Loaded bpfilter_umh pid 1545',
			'Jul  7 08:55:14 ubuntu kernel: [   33.219722] Initializing XFRM netlink socket',
			'Jul 10 12:00:17 ubuntu kernel: [  987.791293] Under-voltage detected! (0x00050005)',
			'Jul 10 12:00:21 ubuntu kernel: [  991.823265] Voltage normalised (0x00000000)',
			'Jul 10 13:04:25 ubuntu kernel: [ 4836.332221] Under-voltage detected! (0x00050005)'
		];
		const occ = await occurrences(lines, 2020);
		// the new stretch's offset is that of its least delayed line (13:04:25 less 4836.332221 s,
		// half a second added for the prefix's resolution); the step's line is dated from it, not
		// from the stretch before (3 days earlier), and no line later than its own prefix says
		expect(occ.map((o) => [o.first_line, o.wall])).toEqual([
			[4, '2020-07-10T12:00:16.959Z'],
			[6, '2020-07-10T13:04:25.000Z']
		]);
	});
});
