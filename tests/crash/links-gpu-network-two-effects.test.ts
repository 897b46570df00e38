/**
 * Crash reports of the real-log corpus linked to what the log shows caused them: a task hung
 * waiting for an RCU grace period after a hard lockup (crash-dmesg), a graphics driver's errors
 * and the DRM core's WARNING after a GPU reset (amdgpu-crash), and, possibly, a crash in a network
 * driver after its card's transmit hangs (i225nic). Real logs are quoted verbatim with their
 * names (tests/support/excerpts.ts); the chain with two branches is made of the rules' example
 * lines.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { analyzeLines } from '../support/analyze.ts';
import {
	AMDGPU_CRASH_AFTER_RESET,
	AMDGPU_CRASH_RESET,
	CLEARFOG_TWO_WARNINGS,
	CRASH_DMESG_HARD_LOCKUP,
	CRASH_DMESG_HUNG_KVM,
	I225NIC_FIRST_TX_HANG,
	I225NIC_LAST_TX_HANG,
	I225NIC_WARN_THEN_BUG
} from '../support/excerpts.ts';
import { fixture } from '../support/fixtures.ts';

function chains(r: AnalysisResult): string[][] {
	const rule = new Map(r.findings.map((f) => [f.id, f.rule]));
	return r.cascades.map((c) => c.chain.map((id) => rule.get(id)!));
}

/** the lines with kernel times added after their `<N>` level (`<0>[  100.000000] …`) */
function timed(lines: string[], ts: number): string[] {
	return lines.map((l) => l.replace(/^(<\d>)/, `$1[${ts.toFixed(6).padStart(12)}] `));
}

describe('a task hung waiting for an RCU grace period after a hard lockup', () => {
	it('is linked to it (crash-dmesg: CPU 37 stuck with interrupts off, then a vCPU thread in synchronize_sched)', async () => {
		const r = await analyzeLines([...CRASH_DMESG_HARD_LOCKUP, ...CRASH_DMESG_HUNG_KVM]);
		expect(chains(r)).toEqual([['crash.hard-lockup', 'crash.hung-task']]);
		expect(r.cascades[0].description).toBe(
			'watchdog: hard LOCKUP in do_exit → INFO: task hung in synchronize_rcu'
		);
		expect(r.cascades[0].links[0].certainty).toBe('probable');
		const [lockup, hung] = r.findings;
		expect(hung.related).toEqual([lockup.id]);
	});

	it('is not linked to it when it waits for something else', async () => {
		const io = CRASH_DMESG_HUNG_KVM.filter((l) => !l.includes('synchronize_sched'));
		const r = await analyzeLines([...CRASH_DMESG_HARD_LOCKUP, ...io]);
		expect(r.findings.map((f) => f.rule)).toEqual(['crash.hard-lockup', 'crash.hung-task']);
		expect(chains(r)).toEqual([]);
	});

	it('is linked only to a hard lockup printed while it waited (times added)', async () => {
		// the lockup at 100 s, the task blocked for more than 120 s at 200 s: printed during the wait
		const during = [...timed(CRASH_DMESG_HARD_LOCKUP, 100), ...timed(CRASH_DMESG_HUNG_KVM, 200)];
		expect(chains(await analyzeLines(during))).toEqual([['crash.hard-lockup', 'crash.hung-task']]);
		// at 246 s the lockup was printed 146 s before, before the task's 120 s of waiting began
		const before = [...timed(CRASH_DMESG_HARD_LOCKUP, 100), ...timed(CRASH_DMESG_HUNG_KVM, 246)];
		const r = await analyzeLines(before);
		expect(r.findings.map((f) => f.rule)).toEqual(['crash.hard-lockup', 'crash.hung-task']);
		expect(chains(r)).toEqual([]);
	});

	it('is linked to the latest lockup printed before it, soft or hard', async () => {
		// crash-dmesg-vmcore-dmesg-txt.log lines 39-162 (fixtures/headline/crash-dmesg-vmcore-excerpt.log):
		// libvirtd's soft lockup on CPU 20, long before the hard lockups
		const soft = fixture('headline/crash-dmesg-vmcore-excerpt.log').split('\n').slice(0, 124);
		expect(soft[0]).toContain('BUG: soft lockup - CPU#20 stuck for 67s!');
		const r = await analyzeLines([...soft, ...CRASH_DMESG_HARD_LOCKUP, ...CRASH_DMESG_HUNG_KVM]);
		expect(chains(r)).toEqual([['crash.hard-lockup', 'crash.hung-task']]);
		// the other way round, the soft lockup is the latest
		const r2 = await analyzeLines([...CRASH_DMESG_HARD_LOCKUP, ...soft, ...CRASH_DMESG_HUNG_KVM]);
		expect(chains(r2)).toEqual([['crash.soft-lockup', 'crash.hung-task']]);
	});
});

describe('a chain in which a cause has two effects', () => {
	// a PCIe port's containment event, then an NVMe timeout with I/O errors after it, and a NIC's
	// transmit hang: the containment is the cause of both the NVMe timeout and the hang
	const LOG = [
		'[   10.000000] pcieport 0000:00:1d.0: DPC: containment event, status:0x1f01 source:0x0000',
		'[   40.000000] nvme nvme0: I/O 407 QID 1 timeout, aborting',
		'[   41.000000] e1000e 0000:00:1f.6 eno1: Detected Hardware Unit Hang:',
		'[   42.000000] blk_update_request: I/O error, dev nvme0n1, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0'
	];

	it('names the cause again before its second effect', async () => {
		const r = await analyzeLines(LOG);
		expect(chains(r)).toEqual([
			['hardware.pcie-dpc', 'storage.nvme-timeout', 'storage.io-error', 'network.nic-hang']
		]);
		const [dpc, nvme, io, hang] = r.cascades[0].chain;
		expect(r.cascades[0].links.map((l) => [l.cause, l.effect])).toEqual([
			[dpc, nvme],
			[nvme, io],
			[dpc, hang]
		]);
		// it had read `… → I/O error on nvme0n1 → Network card eno1 transmit hang (e1000e)`, as if
		// the I/O error had hung the network card
		expect(r.cascades[0].description).toBe(
			'PCIe link disabled by downstream port containment (0000:00:1d.0) → NVMe command timeouts on nvme0 → I/O error on nvme0n1; PCIe link disabled by downstream port containment (0000:00:1d.0) → Network card eno1 transmit hang (e1000e)'
		);
	});
});

describe('a GPU reset and the graphics driver errors after it', () => {
	const LOG = [...AMDGPU_CRASH_RESET, ...AMDGPU_CRASH_AFTER_RESET];
	/** the lines with their journal time moved from 14:37:39 to `hms` */
	const at = (lines: string[], hms: string) =>
		lines.map((l) => l.replace('Jan 06 14:37:39 ', `Jan 06 ${hms} `));

	it("are one chain, with the DRM core's WARNING after the error it reports (amdgpu-crash)", async () => {
		const r = await analyzeLines(LOG);
		const by = new Map(r.findings.map((f) => [f.title, f]));
		const reset = by.get('AMD GPU reset (amdgpu)')!;
		const cs = by.get('amdgpu driver errors in amdgpu_cs_ioctl')!;
		const plane = by.get('amdgpu driver errors in dc_add_plane_to_context')!;
		const stream = by.get('amdgpu driver errors in dc_remove_stream_from_ctx')!;
		const warn = by.get('WARNING in drm_framebuffer_remove')!;
		expect(warn.details.warn_message).toBe('atomic remove_fb failed with -22');
		expect(chains(r)).toEqual([
			[
				'gpu.amdgpu-illegal-command',
				'gpu.amdgpu-ring-timeout',
				'gpu.amdgpu-reset',
				'gpu.drm-driver-error',
				'gpu.drm-driver-error',
				'gpu.drm-driver-error',
				'crash.warning'
			]
		]);
		expect(r.cascades[0].links.slice(2).map((l) => [l.cause, l.effect, l.certainty])).toEqual([
			[reset.id, cs.id, 'probable'],
			[reset.id, plane.id, 'probable'],
			[reset.id, stream.id, 'probable'],
			[stream.id, warn.id, 'probable']
		]);
		expect(r.cascades[0].description).toBe(
			'Illegal register access in a GPU command stream (amdgpu) → AMD GPU ring gfx_0.0.0 timeout (amdgpu) → AMD GPU reset (amdgpu) → amdgpu driver errors in amdgpu_cs_ioctl; AMD GPU reset (amdgpu) → amdgpu driver errors in dc_add_plane_to_context; AMD GPU reset (amdgpu) → amdgpu driver errors in dc_remove_stream_from_ctx → WARNING in drm_framebuffer_remove'
		);
		expect(warn.related).toEqual([stream.id]);
		// the headline's finding is still the ring timeout, its root cause the illegal access
		expect(r.summary.primary_finding).toBe(by.get('AMD GPU ring gfx_0.0.0 timeout (amdgpu)')!.id);
		expect(r.summary.root_cause).toBe(
			by.get('Illegal register access in a GPU command stream (amdgpu)')!.id
		);
	});

	it('leaves the WARNING alone without the error right before it', async () => {
		const before = (r: AnalysisResult) =>
			r.findings.find((f) => f.rule === 'crash.warning')!.related;
		// the line before its `cut here` another kernel line (one of the log's 145 after the reset)
		const other = await analyzeLines(
			LOG.map((l) =>
				l.includes('Pipe not found for stream')
					? 'Jan 06 14:37:39 archdesktop kernel: [drm] Skip scheduling IBs!'
					: l
			)
		);
		expect(before(other)).toEqual([]);
		// the WARNING 2 s after the error
		const cut = LOG.findIndex((l) => l.includes('cut here'));
		const late = await analyzeLines([...LOG.slice(0, cut), ...at(LOG.slice(cut), '14:37:41')]);
		expect(before(late)).toEqual([]);
	});

	it('links the errors only to a reset shortly before them', async () => {
		// without the reset, the errors are no chain's but the one before the WARNING
		const alone = await analyzeLines(AMDGPU_CRASH_AFTER_RESET);
		expect(chains(alone)).toEqual([['gpu.drm-driver-error', 'crash.warning']]);
		// 20 s after the reset, they are not its
		const later = await analyzeLines([
			...AMDGPU_CRASH_RESET,
			...at(AMDGPU_CRASH_AFTER_RESET, '14:37:58')
		]);
		expect(chains(later)).toEqual([
			['gpu.amdgpu-illegal-command', 'gpu.amdgpu-ring-timeout', 'gpu.amdgpu-reset'],
			['gpu.drm-driver-error', 'crash.warning']
		]);
		// an error of another driver is not the reset's
		const other = await analyzeLines([
			...AMDGPU_CRASH_RESET,
			...AMDGPU_CRASH_AFTER_RESET.map((l) => l.replace('[amdgpu]] *ERROR*', '[radeon]] *ERROR*'))
		]);
		expect(chains(other)).toEqual([
			['gpu.amdgpu-illegal-command', 'gpu.amdgpu-ring-timeout', 'gpu.amdgpu-reset'],
			['gpu.drm-driver-error', 'crash.warning']
		]);
	});
});

describe("a network card's transmit hangs, then a crash in its driver", () => {
	it('are linked as possible: only the driver and the timing tie them (i225nic)', async () => {
		const r = await analyzeLines([...I225NIC_LAST_TX_HANG, ...I225NIC_WARN_THEN_BUG]);
		expect(chains(r)).toEqual([['network.nic-hang', 'crash.refcount', 'crash.bug']]);
		const [hang, warn, bug] = r.cascades[0].chain;
		expect(r.cascades[0].links).toEqual([
			{
				cause: hang,
				effect: warn,
				certainty: 'possible',
				reason:
					"igc reported transmit hangs on enp2s0 until 252 s before, and the crash is in igc's code (igc_clean_tx_irq)"
			},
			{ cause: warn, effect: bug, certainty: 'probable', reason: null }
		]);
		expect(r.cascades[0].description).toBe(
			"Network card enp2s0 transmit hang (igc) → possibly → WARNING: refcount bug in tcp_wfree (igc reported transmit hangs on enp2s0 until 252 s before, and the crash is in igc's code (igc_clean_tx_irq)) → kernel BUG in dql_completed"
		);
		// a possible cause is never the root cause: the BUG that panicked is the WARNING's
		expect(r.summary.primary_finding).toBe(bug);
		expect(r.summary.root_cause).toBe(warn);
	});

	it('are not linked when the hangs are older than the cascade window (445 s)', async () => {
		const r = await analyzeLines([...I225NIC_FIRST_TX_HANG, ...I225NIC_WARN_THEN_BUG]);
		expect(chains(r)).toEqual([['crash.refcount', 'crash.bug']]);
	});

	it("are not linked when the crash's trace does not run through the driver", async () => {
		const elsewhere = I225NIC_WARN_THEN_BUG.map((l) => l.replace(' [igc]', ' [e1000e]'));
		expect(elsewhere).not.toEqual(I225NIC_WARN_THEN_BUG);
		const r = await analyzeLines([...I225NIC_LAST_TX_HANG, ...elsewhere]);
		expect(chains(r)).toEqual([['crash.refcount', 'crash.bug']]);
	});
});

describe('two WARNINGs of the same call', () => {
	it('are linked, the first the cause (debian-clearfog: mvpp2_bm_bufs_free, then mvpp2_bm_pool_destroy)', async () => {
		const r = await analyzeLines(CLEARFOG_TWO_WARNINGS);
		const crashes = r.findings.filter((f) => f.category === 'crash');
		expect(crashes.map((f) => f.title)).toEqual([
			'WARNING in mvpp2_bm_bufs_free',
			'WARNING in mvpp2_bm_pool_destroy'
		]);
		expect(chains(r)).toEqual([['crash.warning', 'crash.warning']]);
		expect(r.cascades[0].description).toBe(
			'WARNING in mvpp2_bm_bufs_free → WARNING in mvpp2_bm_pool_destroy'
		);
		expect(r.summary.root_cause).toBe(crashes[0].id);
	});

	it('are not linked when the second is another task', async () => {
		const other = CLEARFOG_TWO_WARNINGS.map((l) =>
			l.includes('Tainted: G        W')
				? l.replace('PID: 35 Comm: kworker/2:1', 'PID: 36 Comm: kworker/2:2')
				: l
		);
		expect(other).not.toEqual(CLEARFOG_TWO_WARNINGS);
		expect(chains(await analyzeLines(other))).toEqual([]);
	});
});
