import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { FATAL_TAIL } from '../../src/lib/analysis/summary.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { fixture } from '../support/fixtures.ts';

/**
 * Which finding the report's headline names (docs/OUTPUT.md, "The headline"): the most severe;
 * among equally severe ones the crash a boot ended in (a panic, or the oops a kdump capture ends
 * with), named by the first report that damaged the kernel; otherwise the earliest. Real logs
 * and excerpts from fixtures/headline, fixtures/syzkaller and fixtures/formats/real.
 */

/** the title the headline names */
function named(r: AnalysisResult): string | undefined {
	return r.findings.find((f) => f.id === r.summary.primary_finding)?.title;
}

const lines = (path: string) => fixture(path).trimEnd().split('\n');

describe('the headline', () => {
	// a RHEL 6 vmcore-dmesg (the log kdump saved): a soft lockup early on, the oops that took
	// the dump at the end (fixtures/headline/README.md)
	const VMCORE = lines('headline/crash-dmesg-vmcore-excerpt.log');
	const OOPS = 'BUG: unable to handle kernel paging request in __purge_vmap_area_lazy';
	const LOCKUP = 'BUG: soft lockup in ebt_arp_mt';
	/** the kvm lines printed just before the oops in the same log, printed after it instead */
	const LIVING = [
		'<6>br0: port 37(vnet71) entering disabled state',
		'<6>device vnet71 left promiscuous mode',
		'<6>br0: port 37(vnet71) entering disabled state',
		'<6>br1: port 38(vnet72) entering disabled state',
		'<6>device vnet72 left promiscuous mode',
		'<6>br1: port 38(vnet72) entering disabled state',
		'<3>kvm: 84409: cpu0 unhandled rdmsr: 0x345'
	];
	const text = (l: string[]) => l.join('\n') + '\n';

	it('names the oops a kdump capture ends with, not an earlier report as severe', async () => {
		const r = await analyzeText(text(VMCORE));
		expect(r.findings.map((f) => [f.title, f.severity])).toEqual([
			[LOCKUP, 'high'],
			[OOPS, 'high']
		]);
		expect(r.summary.verdict).toBe('kernel-crash');
		expect(named(r)).toBe(OOPS);
		expect(r.summary.headline).toBe(
			`The kernel crashed or reported a serious internal error. Most important: ${OOPS}.`
		);
	});

	it('keeps the earliest report when the log goes on after the oops', async () => {
		expect(LIVING.length).toBeGreaterThan(FATAL_TAIL);
		const tail = await analyzeText(text([...VMCORE, ...LIVING.slice(0, FATAL_TAIL)]));
		expect(named(tail)).toBe(OOPS);
		const living = await analyzeText(text([...VMCORE, ...LIVING]));
		expect(named(living)).toBe(LOCKUP);
	});

	it('names the oops a boot ended in, in the first boot or a later one', async () => {
		// a made-up banner of the same kernel starts the next boot
		const BANNER = '<5>Linux version 2.6.32-642.el6.x86_64 (mockbuild@builder) #1 SMP';
		const first = await analyzeText(text([...VMCORE, BANNER, ...LIVING]));
		expect(first.metadata.boots).toHaveLength(2);
		expect(named(first)).toBe(OOPS);
		const [lockup, oops] = [VMCORE.slice(0, 124), VMCORE.slice(124)];
		expect(oops[0]).toContain('BUG: unable to handle kernel paging request');
		const later = await analyzeText(text([...lockup, ...LIVING, BANNER, ...LIVING, ...oops]));
		expect(later.metadata.boots).toHaveLength(2);
		expect(named(later)).toBe(OOPS);
	});

	it('names the first oops of a boot that ends in a later one', async () => {
		// lkp-tests: the kernel faulted again while the first oops was being handled, the log
		// ends in the second, cut short
		const r = await analyzeText(fixture('headline/lkp-42.log'));
		expect(r.findings.map((f) => f.title)).toEqual([
			'general protection fault in find_busiest_group',
			'general protection fault in corrupted'
		]);
		expect(named(r)).toBe('general protection fault in find_busiest_group');
	});

	it('links the next oops begun right after an oops’s end to it (lkp-42: `[#2]` 3 µs after `[#1]`’s end trace)', async () => {
		const r = await analyzeText(fixture('headline/lkp-42.log'));
		const [first, second] = r.findings;
		expect(r.cascades.map((c) => c.description)).toEqual([
			'general protection fault in find_busiest_group → general protection fault in corrupted'
		]);
		expect(first.related).toEqual([second.id]);
		expect(r.summary.root_cause).toBe(first.id);
		// the same oops further from the first one's end, or not the next of die()'s count, is
		// not linked
		const lines = fixture('headline/lkp-42.log').replace(/\n$/, '').split('\n');
		const last = lines.length - 1;
		const filler = Array.from({ length: 6 }, () => '[    0.546022] random: fast init done');
		const far = await analyzeText(text([...lines.slice(0, last), ...filler, lines[last]]));
		expect(far.findings.filter((f) => f.category === 'crash')).toHaveLength(2);
		expect(far.cascades).toEqual([]);
		const third = lines.map((l, i) => (i === last ? l.replace('[#2]', '[#3]') : l));
		const skipped = await analyzeText(text(third));
		expect(skipped.cascades).toEqual([]);
	});

	it('names the oops a panic printed apart from it ended, as syzkaller titles the log', async () => {
		// 256, 352: `Kernel panic - not syncing: Fatal exception` after the oops (in 352 a lockdep
		// splat printed during the oops comes between); 326: a double fault, then the faults it
		// caused, the last of them panicking; 694: a KASAN write, then the panic of the stack it
		// corrupted
		for (const id of ['256', '326', '352', '694']) {
			const expected = JSON.parse(fixture(`syzkaller/${id}.expect.json`)) as { title: string };
			const r = await analyzeText(fixture(`syzkaller/${id}.log`));
			expect(r.findings.some((f) => f.rule === 'crash.panic' || f.details.panicked)).toBe(true);
			expect(named(r), id).toBe(expected.title);
		}
	});

	it('names the Trusty assert whose halt a panicking WARNING reports, as syzkaller titles the log', async () => {
		// 354, 356: the secure OS fails an assert and halts (`trusty: HALT`), then the Trusty
		// driver's call into it WARNs (`drivers/trusty/trusty.c:215`) and panic_on_warn panics
		const logs: Array<[string, string]> = [
			['syzkaller/354.log', 'trusty: ASSERT FAILED: list_in_list(&ref->ref_node)'],
			// the assert printed over two lines, its condition on the second: syzkaller's title has none
			['headline/syzkaller-356.log', 'trusty: ASSERT FAILED:']
		];
		for (const [id, title] of logs) {
			const r = await analyzeText(fixture(id));
			expect(
				r.findings.map((f) => [f.rule, f.severity, f.details.panicked]),
				id
			).toEqual([
				['crash.trusty', 'high', false],
				['crash.warning', 'critical', true]
			]);
			expect(r.findings[1].title).toBe('WARNING in bug_handler');
			expect(named(r), id).toBe(title);
			expect(r.summary.verdict).toBe('kernel-crash');
		}
	});

	it('does not name a Trusty assert for an unrelated crash later in the boot', async () => {
		// 354's assert 22 s before 256's NULL dereference in sock_poll (an oops and its panic):
		// neither in the Trusty driver nor right after the halt
		const assert = fixture('syzkaller/354.log')
			.split('\n')[0]
			.replace(/^\[ *[\d.]+\]/, '[    5.000000]');
		expect(assert).toContain('trusty: panic');
		const r = await analyzeText(`${assert}\n${fixture('syzkaller/256.log')}`);
		expect(r.findings.map((f) => f.rule)).toContain('crash.trusty');
		expect(named(r)).toBe('BUG: unable to handle kernel NULL pointer dereference in sock_poll');
	});

	it('names the kernel BUG a pstore dump ends in over an earlier critical finding', async () => {
		// two pstore records interleaved: igc transmit hangs (critical) for minutes, then
		// `kernel BUG at lib/dynamic_queue_limits.c:27!` in the NIC's interrupt and the panic
		// `Fatal exception in interrupt`, printed apart from it; the hangs are not its root cause
		// (tests/crash/root-cause.test.ts)
		const r = await analyzeText(fixture('formats/real/i225nic-pstore-panic-log-txt.log'));
		const hang = r.findings.find((f) => f.rule === 'network.nic-hang')!;
		expect(hang.severity).toBe('critical');
		expect(named(r)).toBe('kernel BUG in dql_completed');
		expect(r.summary.root_cause).not.toBe(hang.id);
	});

	it('keeps the earliest of equally severe findings when no boot ended in a crash', async () => {
		// a WARNING at the end of a log is no crash: the firmware request before it stays first
		// (the WARNING, iwd asking for the regulatory domain too early, is a low notice since:
		// tests/crash/test-module-wifi-regdomain-notices.test.ts)
		const warn = await analyzeText(fixture('output/linux-bug-dmesg-out.log'));
		expect(
			warn.findings.filter((f) => f.severity !== 'info').map((f) => [f.title, f.severity])
		).toEqual([
			['Firmware request stalled iwlwifi 0000:52:00.0 for about a minute', 'medium'],
			['WARNING in nl80211_get_reg_do', 'low']
		]);
		expect(named(warn)).toBe('Firmware request stalled iwlwifi 0000:52:00.0 for about a minute');
		// two CPU notices of one boot (Ryzen 7 5700U), both low, both fixed by a microcode update:
		// the kernel checks Zenbleed first
		const cpu = await analyzeText(fixture('headline/proxmox-amd-5700u-excerpt.log'));
		expect(cpu.findings.map((f) => [f.rule, f.severity])).toEqual([
			['firmware.zenbleed-workaround', 'low'],
			['firmware.microcode-missing', 'low']
		]);
		expect(named(cpu)).toBe(cpu.findings[0].title);
	});

	it('does not call an informational finding the most important problem of a healthy log', async () => {
		// m11x-hwinfo dmesg line 708: the only finding of the log is informational
		const r = await analyzeText(
			'[   11.776846] tsc: Marking TSC unstable due to TSC halts in idle\n'
		);
		expect(r.findings.map((f) => f.severity)).toEqual(['info']);
		expect(r.summary.verdict).toBe('healthy');
		expect(r.summary.headline).toBe(
			`No problems were found. For information: ${r.findings[0].title}.`
		);
	});
});
