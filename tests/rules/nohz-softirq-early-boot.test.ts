/**
 * `NOHZ: local_softirq_pending 02` of the boot CPU in early boot, right after start_kernel's
 * `Mountpoint-cache hash table entries` and before the other CPUs and ksoftirqd are up: a
 * harmless artefact (info), not a softirq left behind by a driver (low), which had led reports.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

// fishlogs-dmesg-log.log lines 105-116 (a Samsung phone, 3.18)
const EARLY_BOOT = [
	'[    0.011831]  [0:      swapper/0:    0] Mount-cache hash table entries: 8192 (order: 4, 65536 bytes)',
	'[    0.011873]  [0:      swapper/0:    0] Mountpoint-cache hash table entries: 8192 (order: 4, 65536 bytes)',
	'[    0.013893]  [0:      swapper/0:    0] Initializing cgroup subsys freezer',
	'[    0.013930]  [0:      swapper/0:    0] Initializing cgroup subsys debug',
	'[    0.014812]  [0:      swapper/0:    1] /cpus/cpu@0: Unknown CPU type',
	'[    0.014831]  [0:      swapper/0:    1] /cpus/cpu@1: Unknown CPU type',
	'[    0.014846]  [0:      swapper/0:    1] /cpus/cpu@100: Unknown CPU type',
	'[    0.014864]  [0:      swapper/0:    1] /cpus/cpu@101: Unknown CPU type',
	'[    0.014936]  [0:      swapper/0:    1] hw perfevents: enabled with arm/armv8-pmuv3 PMU driver, 9 counters available',
	'[    0.015012]  [0:      swapper/0:    1] EFI services will not be available.',
	'[    0.015275]  [0:      swapper/0:    0] NOHZ: local_softirq_pending 02',
	'[    0.019206]  [0:      swapper/0:    1] '
];

describe('a softirq pending when the boot CPU idles in early boot', () => {
	it('is info with an explanation of its own, and leads no report', async () => {
		const r = await analyzeLines(EARLY_BOOT);
		const f = r.findings.filter((x) => x.rule === 'other.nohz-softirq-pending');
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['CPU went idle with softirq work pending in early boot (harmless)', 'info']
		]);
		expect(f[0].details).toMatchObject({
			softirqs: ['TIMER'],
			during: 'early boot (one CPU up)'
		});
		expect(f[0].explanation.meaning).toMatch(/ksoftirqd/);
		expect(r.summary.verdict).toBe('healthy');
	});

	it('stays low later in the boot (iamslightlywin-dump-last-kmsg.log line 15453, at 28 s)', async () => {
		const f = await findingsOf([
			...EARLY_BOOT.slice(0, 2),
			...Array.from({ length: 45 }, (_, i) => `[    0.02${i}] rcu: line ${i}`),
			'<4>[   28.385088]  [4:      swapper/4:    0] NOHZ: local_softirq_pending 08'
		]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['CPU went idle with softirq work pending (NOHZ tick-stop error)', 'low']
		]);
	});

	it('keeps the suspend reading after Disabling non-boot CPUs', async () => {
		// logcat-reports-panel-dark-dmesg-txt.log: an LG phone at suspend
		const f = await findingsOf([
			'[ 6982.490000] Disabling non-boot CPUs ...',
			'[ 6982.495227] NOHZ: local_softirq_pending 02'
		]);
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['CPU went idle with softirq work pending while CPUs were taken offline', 'info']
		]);
	});
});
