/**
 * Two kernel warnings that are no bug of the machine: a test module's report made on purpose
 * (ABRT's will_oops), and a Wi-Fi daemon asking for a self-managed Wi-Fi device's regulatory
 * domain before the device had one (nl80211_get_reg_do). Each is a low notice that says what it
 * is, not a medium warning told to decode the trace and report it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, crashesOf } from '../support/analyze.ts';
import { fixture } from '../support/fixtures.ts';

/**
 * satyr-rhbz-1040900-s390x-1.log (abrt/satyr `tests/kerneloopses/rhbz-1040900-s390x-1`, GPL-2.0;
 * RHEL 7's 3.10 on s390x), the whole log: will_oops built in a temporary directory, loaded with
 * insmod, its WARN at will_oops.c:11
 */
const WILL_OOPS = [
	'[16164.389384] will_oops: module verification failed: signature and/or required key missing - tainting kernel',
	'[16164.389552] will_oops loadedThis kernel oops is brought to you by will_oops.',
	'[16164.389572] ------------[ cut here ]------------',
	'[16164.389575] WARNING: at /tmp/will_oops.VBwBJthHLD/will_oops.c:11',
	'[16164.389576] Modules linked in: will_oops(OF+) sg qeth_l2 vmur nfsd auth_rpcgss nfs_acl lockd sunrpc xfs libcrc32c dasd_fba_mod dasd_eckd_mod dasd_mod lcs qeth ctcm qdio ccwgroup fsm dm_mirror dm_region_hash dm_log dm_mod',
	'[16164.389606] CPU: 0 PID: 32037 Comm: insmod Tainted: GF          O--------------   3.10.0-54.0.1.el7.s390x #1',
	'[16164.389610] task: 000000007ffa9998 ti: 0000000059e1c000 task.ti: 0000000059e1c000',
	'[16164.389614] Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])',
	'[16164.389625]            R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:3 PM:0 EA:3',
	'Krnl GPRS: 0000000000010000 070000000020db8e 0000000000000030 00000000000000d7',
	'[16164.389635]            000003ff8086d036 0400000000000000 0000000000000000 000003ff00000000',
	'[16164.398601]            000003ff8086d000 000003ff8086a228 000003ff8086a050 000003ff8086d000',
	'[16164.398605]            0000000000000000 00000000005e9fa8 000003ff8086d036 0000000059e1fc68',
	'[16164.398615] Krnl Code: 000003ff8086d02a: c020ffffe006        larl    %r2,3ff80869036',
	'           000003ff8086d030: c0e5ffffd7ec       brasl   %r14,3ff80868008',
	'          #000003ff8086d036: a7f40001           brc     15,3ff8086d038',
	'          >000003ff8086d03a: a7290000           lghi    %r2,0',
	'           000003ff8086d03e: ebeff0a00004       lmg     %r14,%r15,160(%r15)',
	'           000003ff8086d044: 07fe               bcr     15,%r14',
	'           000003ff8086d046: 0707               bcr     0,%r7',
	'           000003ff8086d048: 0000               unknown',
	'[16164.398666] Call Trace:',
	'[16164.398670] ([<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops])',
	'[16164.398685]  [<000000000010014e>] do_one_initcall+0xce/0x160',
	'[16164.398692]  [<00000000001ab224>] load_module+0x1414/0x19f4',
	'[16164.398699]  [<00000000001ab9b2>] SyS_finit_module+0x8e/0xc4',
	'[16164.400545]  [<00000000005db6f4>] sysc_tracego+0x14/0x1a',
	'[16164.400552]  [<000003fffd4a1d92>] 0x3fffd4a1d92',
	'[16164.400586] Last Breaking-Event-Address:',
	'[16164.400588]  [<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops]',
	'[16164.400600] ---[ end trace 4e37b1eb61ae9844 ]---'
];

/**
 * linux-bug-dmesg-out.log (anderslm/linux-bug `dmesg.out`, no licence stated; a ThinkPad on 5.9.12
 * with an Intel AX200 and iwd), lines 55-100 in fixtures/output: iwlwifi's firmware, then iwd's
 * request 15 ms after the card's address and the WARN
 */
const IWD = fixture('output/linux-bug-dmesg-out.log').split('\n').slice(54, 100);

describe('a test module’s report made on purpose (will_oops)', () => {
	it('is a low notice that says so: no bug, nothing to report (s390x-1)', async () => {
		const r = await analyzeLines(WILL_OOPS);
		const crashes = r.findings.filter((f) => f.category === 'crash');
		expect(crashes.map((c) => [c.rule, c.title, c.severity])).toEqual([
			['crash.test-module', 'WARNING in will_oops_init', 'low']
		]);
		const [f] = crashes;
		expect(f.details.kind).toBe('report made on purpose by a test module (not a bug)');
		expect(f.explanation.meaning).toMatch(/^Not a kernel bug: the report was made on purpose/);
		expect(f.explanation.meaning).toContain('ABRT’s `will_oops`');
		const steps = f.explanation.next_steps.join(' ');
		expect(steps).toContain('check that the crash-reporting tool caught it (ABRT: `abrt-cli list`');
		// it had been told to decode the trace and fix the module's line 11
		expect(steps).not.toMatch(/decode_stacktrace|fix it there|get_maintainer/);
		expect(r.summary.verdict).toBe('minor-issues');
	});

	it('stays a kernel warning when the trace is another module’s', async () => {
		const crashes = await crashesOf(
			WILL_OOPS.map((l) =>
				l.replaceAll('will_oops_init', 'mydrv_init').replaceAll('[will_oops]', '[mydrv]')
			)
		);
		expect(crashes.map((c) => [c.rule, c.severity])).toEqual([['crash.warning', 'medium']]);
	});
});

describe('a Wi-Fi daemon asking for a self-managed device’s regulatory domain too early', () => {
	it('is a low notice naming the program, with what it means for Wi-Fi (linux-bug)', async () => {
		const crashes = await crashesOf(IWD);
		expect(crashes.map((c) => [c.rule, c.title, c.severity])).toEqual([
			['crash.wifi-regdomain-early', 'WARNING in nl80211_get_reg_do', 'low']
		]);
		const [f] = crashes;
		const e = f.explanation;
		expect(e.meaning).toContain('`WARN_ON(!regdom && self_managed)`');
		expect(e.meaning).toContain('Only that one request failed');
		expect(e.meaning).toContain('Here the program that asked was `iwd` (pid 349)');
		const steps = e.next_steps.join(' ');
		expect(steps).toContain('Nothing to do if Wi-Fi connects');
		expect(steps).toContain('`iw reg get`');
		// the generic warning's steps: decode the trace, report it upstream
		expect(steps).not.toMatch(/decode_stacktrace|get_maintainer/);
	});
});
