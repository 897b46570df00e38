import {
	relate,
	severityRank,
	type Finding,
	type Frame,
	type Occurrence
} from '../models/finding.ts';
import type { DetailValue } from '../models/finding.ts';
import type { Cascade, CascadeLink, Certainty } from '../models/report.ts';
import { fnv1a } from '../util/hash.ts';
import { GRACE_PERIOD } from '../util/rcu-stall.ts';
import { LINE_RULES } from './rules/index.ts';
import { TRACE_BOTTOM } from './crash/index.ts';
import { CRASH_NOTICES, crashNotice } from './crash/notices.ts';
import { DAMAGE_RULES, OOPS_RULES } from './summary.ts';

/**
 * Cascades: findings that are probably one problem seen at several layers, linked into chains
 * with the earliest cause first, e.g. PCIe AER -> NVMe timeout -> I/O error -> EXT4 error ->
 * remount read-only -> hung task.
 *
 * Every rule has a layer (stage) and a domain. A finding can only be caused by an earlier
 * finding of a lower stage in a compatible domain, in the same boot, close in time. Among the
 * candidates, one naming the same device wins; findings that name different devices of the same
 * kind (sda vs sdb) are never linked. Those links are probable; a finding without one may get a
 * possible cause (POSSIBLE_CAUSES), a link that only the timing supports, with its reason.
 */

type Domain =
	| 'storage'
	| 'gpu'
	| 'usb'
	| 'network'
	| 'wifi-sdio'
	| 'sound'
	| 'memory'
	| 'power'
	| 'userspace'
	| 'any';

interface Layer {
	stage: number;
	domain: Domain;
}

const LAYERS: Record<string, Layer> = {
	// hardware underneath everything
	'hardware.pcie-aer': { stage: 0, domain: 'any' },
	'hardware.pcie-dpc': { stage: 0, domain: 'any' },
	'hardware.pci-device-inaccessible': { stage: 0, domain: 'any' },
	// POWER's Enhanced Error Handling froze (or removed) a PCI adapter's endpoint
	'hardware.pci-eeh': { stage: 0, domain: 'any' },
	'hardware.pci-eeh-disabled': { stage: 0, domain: 'any' },
	'hardware.machine-check': { stage: 0, domain: 'any' },
	'hardware.machine-check-logged': { stage: 0, domain: 'any' },
	'hardware.machine-check-decoded': { stage: 0, domain: 'any' },
	'hardware.apei-error': { stage: 0, domain: 'any' },
	'hardware.edac-memory-error': { stage: 0, domain: 'any' },
	'hardware.memory-failure': { stage: 0, domain: 'any' },
	// a disabled interrupt line stalls the devices on it
	'hardware.irq-disabled': { stage: 0, domain: 'any' },
	// a weak supply makes USB devices and SD cards fail
	'hardware.undervoltage': { stage: 0, domain: 'any' },
	'hardware.thermal-throttling': { stage: 0, domain: 'any' },
	'firmware.iommu-fault': { stage: 0, domain: 'any' },
	// a watchdog left running at shutdown that then fired (linked to the panic it caused only)
	'power.watchdog-reset': { stage: 0, domain: 'power' },
	// devices
	'storage.nvme-timeout': { stage: 1, domain: 'storage' },
	'storage.nvme-controller-down': { stage: 1, domain: 'storage' },
	'storage.ata-exception': { stage: 1, domain: 'storage' },
	'storage.ata-device-error': { stage: 1, domain: 'storage' },
	'storage.sata-link-error': { stage: 1, domain: 'storage' },
	'storage.ata-link-reset': { stage: 1, domain: 'storage' },
	'storage.scsi-sense': { stage: 1, domain: 'storage' },
	'storage.smart-failure-predicted': { stage: 1, domain: 'storage' },
	'storage.floppy-timeout': { stage: 1, domain: 'storage' },
	'usb.host-controller-died': { stage: 1, domain: 'any' },
	'usb.over-current': { stage: 1, domain: 'usb' },
	'usb.enumeration-failed': { stage: 2, domain: 'usb' },
	'usb.device-reset': { stage: 2, domain: 'usb' },
	'usb.disconnect': { stage: 3, domain: 'usb' },
	// a command buffer the GPU refused: the driver ends the job at once (ring timeout, reset)
	'gpu.amdgpu-illegal-command': { stage: 1, domain: 'gpu' },
	'gpu.amdgpu-page-fault': { stage: 1, domain: 'gpu' },
	'gpu.nvidia-xid': { stage: 1, domain: 'gpu' },
	'gpu.nouveau-error': { stage: 1, domain: 'gpu' },
	'gpu.drm-driver-error': { stage: 1, domain: 'gpu' },
	'gpu.adreno-gmu-stop-failed': { stage: 1, domain: 'gpu' },
	'gpu.i915-hang': { stage: 2, domain: 'gpu' },
	'gpu.amdgpu-ring-timeout': { stage: 2, domain: 'gpu' },
	'gpu.drm-commit-timeout': { stage: 3, domain: 'gpu' },
	'gpu.i915-reset': { stage: 3, domain: 'gpu' },
	'gpu.amdgpu-reset': { stage: 3, domain: 'gpu' },
	// an SDIO Wi-Fi chip (brcmfmac) without its board file (NVRAM) does not start: its clock
	// never comes up (`HT Avail timeout`); a domain of their own, not every network finding's
	'firmware.brcmfmac-nvram-missing': { stage: 0, domain: 'wifi-sdio' },
	'network.wifi-chip-not-answering': { stage: 1, domain: 'wifi-sdio' },
	'network.firmware-crash': { stage: 1, domain: 'network' },
	'network.wifi-chip-stalled': { stage: 1, domain: 'network' },
	'network.r8169-chip-timeout': { stage: 1, domain: 'network' },
	'network.nic-hang': { stage: 1, domain: 'network' },
	'network.nic-lost': { stage: 1, domain: 'network' },
	'network.tx-timeout': { stage: 1, domain: 'network' },
	'network.link-down': { stage: 2, domain: 'network' },
	'network.wifi-tx-flush-timeout': { stage: 2, domain: 'network' },
	'network.bond-link-down': { stage: 2, domain: 'network' },
	'network.nfs-not-responding': { stage: 3, domain: 'network' },
	'network.smb-not-responding': { stage: 3, domain: 'network' },
	// a sound DSP whose topology was not set up leaves its sound card without pipelines
	'hardware.sound-topology-failed': { stage: 1, domain: 'sound' },
	'hardware.sound-card-failed': { stage: 2, domain: 'sound' },
	'memory.page-allocation-failure': { stage: 1, domain: 'memory' },
	'memory.oom-kill': { stage: 2, domain: 'memory' },
	// block layer
	'storage.nvme-io-error': { stage: 2, domain: 'storage' },
	'storage.io-error': { stage: 2, domain: 'storage' },
	'storage.multipath-path-failed': { stage: 2, domain: 'storage' },
	// a lost iSCSI session or a disk set offline makes its I/O fail
	'storage.iscsi-connection-error': { stage: 1, domain: 'storage' },
	'storage.scsi-command-timeout': { stage: 1, domain: 'storage' },
	'storage.scsi-device-offline': { stage: 2, domain: 'storage' },
	'storage.thin-pool': { stage: 2, domain: 'storage' },
	'storage.raid-degraded': { stage: 3, domain: 'storage' },
	'storage.swap-io-error': { stage: 3, domain: 'storage' },
	// filesystems
	'storage.buffer-io-error': { stage: 3, domain: 'storage' },
	'filesystem.ext4-error': { stage: 4, domain: 'storage' },
	'filesystem.xfs-error': { stage: 4, domain: 'storage' },
	'filesystem.btrfs-error': { stage: 4, domain: 'storage' },
	'filesystem.f2fs-error': { stage: 4, domain: 'storage' },
	'filesystem.fat-error': { stage: 4, domain: 'storage' },
	'filesystem.journal-aborted': { stage: 5, domain: 'storage' },
	'filesystem.remount-read-only': { stage: 6, domain: 'storage' },
	// a program's fatal fault: a cause only of the panic when that program was init (PID 1)
	'userspace.segfault': { stage: 0, domain: 'userspace' }
};

/**
 * Crash reports that trouble below can explain, and which causes may explain them: a hung task
 * after disk or filesystem errors, a panic after filesystem errors (errors=panic), an OOM or a
 * fatal machine check, lockups and oopses after serious hardware (memory) errors.
 */
const CRASH_CAUSES: Record<string, (c: Finding, e: Finding) => boolean> = {
	// the WARN that dev_watchdog prints with a transmit timeout is the same event; a WARN of the
	// floppy driver's own state checks after its controller timed out (lkp-39: `timeout handler
	// died`, then `WARNING … at drivers/block/floppy.c:975 schedule_bh`) is that timeout's
	// consequence; a WARN() of the DRM core right after a graphics driver's error is that error's
	// report of the failure the WARN() is about (drmErrorBefore)
	'crash.warning': (c, e) =>
		(c.rule === 'network.tx-timeout' && e.title.includes('dev_watchdog')) ||
		(c.rule === 'storage.floppy-timeout' &&
			String(e.details.source_location ?? '').startsWith('drivers/block/floppy.c')) ||
		(c.rule === 'gpu.drm-driver-error' && drmErrorBefore(c, e)),
	'crash.hung-task': (c) =>
		c.category === 'storage' ||
		c.category === 'filesystem' ||
		c.rule === 'network.nfs-not-responding' ||
		serious(c),
	'crash.panic': (c, e) =>
		c.category === 'filesystem' ||
		c.rule === 'memory.oom-kill' ||
		serious(c) ||
		watchdogFired(c, e),
	// the init process's fatal fault, then `Attempted to kill init!` (lkp-09.log, lkp-49.log)
	'crash.init-died': (c) => c.rule === 'userspace.segfault' && c.details.pid === 1,
	'crash.rcu-stall': serious,
	'crash.soft-lockup': serious,
	'crash.hard-lockup': serious,
	'crash.bad-page': seriousMemory,
	'crash.oops': seriousMemoryOrEehRecovery,
	'crash.gpf': seriousMemoryOrEehRecovery,
	'crash.paging-fault': seriousMemoryOrEehRecovery,
	'crash.null-deref': seriousMemoryOrEehRecovery,
	'crash.bug': seriousMemoryOrEehRecovery,
	'crash.list-corruption': seriousMemory,
	'crash.slab': seriousMemory
};

const MEMORY_ERRORS = new Set([
	'hardware.machine-check',
	'hardware.machine-check-decoded',
	'hardware.apei-error',
	'hardware.edac-memory-error',
	'hardware.memory-failure'
]);

/**
 * A watchdog left running at shutdown whose firing the rule saw (power.watchdog-reset resolved,
 * no longer info) and the panic it caused: hpwdt's `An NMI occurred`, the pretimeout governor's
 * `watchdog pretimeout event`.
 */
function watchdogFired(c: Finding, e: Finding): boolean {
	return (
		c.rule === 'power.watchdog-reset' &&
		c.severity !== 'info' &&
		String(c.details.event).includes('did not stop') &&
		/An NMI occurred|watchdog pretimeout event/.test(e.title)
	);
}

/** at most this long (kernel seconds, else wall-clock seconds) from a graphics driver's error to the WARN() after it */
const DRM_ERROR_S = 1;

/**
 * Is the WARNING `e`, raised in the DRM core or a graphics driver (its location under
 * drivers/gpu/drm/), printed right after an error of the graphics driver `c`: on the line before
 * its first line, at most DRM_ERROR_S before it? A DRM WARN() reports a call that failed
 * (`atomic remove_fb failed with -22`), and the driver says why as it fails (amdgpu-crash:
 * `[drm:dc_remove_stream_from_ctx [amdgpu]] *ERROR* Pipe not found for stream`, whose failure
 * amdgpu's atomic check returns as -EINVAL, on the line before the `cut here` of `WARNING … at
 * drivers/gpu/drm/drm_framebuffer.c:1130 drm_framebuffer_remove`, twice).
 */
function drmErrorBefore(c: Finding, e: Finding): boolean {
	if (!String(e.details.source_location ?? '').startsWith('drivers/gpu/drm/')) return false;
	const f = moment(e.first_seen);
	return [...c.occurrences, c.last_seen].some((occ) => {
		const o = moment(occ);
		if (o.boot !== f.boot || o.line !== f.line - 1) return false;
		if (o.ts !== null && f.ts !== null) return f.ts - o.ts <= DRM_ERROR_S;
		if (o.wall !== null && f.wall !== null) return f.wall - o.wall <= DRM_ERROR_S * 1000;
		return true;
	});
}

/** a hardware finding of high severity or worse */
function serious(c: Finding): boolean {
	return c.category === 'hardware' && severityRank(c.severity) <= severityRank('high');
}

function seriousMemory(c: Finding): boolean {
	return MEMORY_ERRORS.has(c.rule) && serious(c);
}

/**
 * An oops in POWER's EEH recovery (a driver's error_detected/slot_reset callback called from
 * eeh_report_error, eeh_handle_event … in the eehd thread) after an EEH freeze: the driver
 * crashed while recovering from that PCI error (abrt oops9-ppc64: ipr_pci_error_detected).
 */
function seriousMemoryOrEehRecovery(c: Finding, e: Finding): boolean {
	if (seriousMemory(c)) return true;
	if (c.rule !== 'hardware.pci-eeh' && c.rule !== 'hardware.pci-eeh-disabled') return false;
	return (e.stack?.frames ?? []).some((f) => /^\.?eeh_/.test(f.function));
}

/**
 * Possible causes: links between findings of different kinds that the layers and CRASH_CAUSES do
 * not make, because the log shows only that the timing fits, not that one caused the other. Each
 * returns what supports the link, in words, or null when the timing does not fit. A finding
 * with a probable cause gets no possible one.
 */
interface PossibleCause {
	cause: ReadonlySet<string>;
	effect: ReadonlySet<string>;
	evidence(c: Finding, e: Finding): string | null;
}

/**
 * Crash reports that a trace through a driver's code can tie to that driver: oopses and other
 * damage, WARN()s and refcount warnings, lockups.
 */
const IN_DRIVER_CRASHES: ReadonlySet<string> = new Set([
	...DAMAGE_RULES,
	'crash.warning',
	'crash.refcount',
	'crash.soft-lockup',
	'crash.hard-lockup'
]);

const POSSIBLE_CAUSES: PossibleCause[] = [
	// a supply that sags below what the board needs can reset it (a brown-out): the boot ends
	// without a shutdown, and the next one replays its filesystem journal
	{
		cause: new Set(['hardware.undervoltage']),
		effect: new Set(['power.unclean-shutdown']),
		evidence: (c, e) => {
			const ended = endedUncleanly(e);
			const hit = ended.filter((b) => c.boots.includes(b));
			if (hit.length === 0) return null;
			return ended.length === 1
				? `under-voltage in boot ${hit[0]}, which ended without a clean shutdown`
				: `under-voltage in ${hit.length} of the ${ended.length} boots that ended without a clean shutdown: ${bootList(hit)}`;
		}
	},
	// a shutdown held up by an unreachable NFS server (processes in uninterruptible NFS I/O, an
	// unmount waiting for the server) can outlast a watchdog left running, which then fires
	{
		cause: new Set(['network.nfs-not-responding']),
		effect: new Set(['power.watchdog-reset']),
		evidence: (c, e) => {
			// the watchdog's first occurrence runs from `did not stop!` to the panic it resolved to
			const w = e.first_seen;
			if (!String(e.details.event).includes('did not stop') || w.last_line === w.first_line)
				return null;
			const during = [...c.occurrences, c.last_seen].filter(
				(o) => o.boot === w.boot && o.first_line > w.first_line && o.first_line < w.last_line
			);
			const o = during.at(-1);
			if (o === undefined) return null;
			const after = o.ts !== null && w.ts !== null ? ` ${Math.round(o.ts - w.ts)} s` : '';
			return `the NFS server was still not answering${after} after the watchdog was left running, before it fired`;
		}
	},
	// a network card whose transmit ring hung, then a crash whose trace runs through that card's
	// driver: the crash may be the driver's handling of the hang (its ring reset) going wrong,
	// or a bug of its own in the same driver; the reports share only the driver's name
	{
		cause: new Set(['network.nic-hang', 'network.tx-timeout']),
		effect: IN_DRIVER_CRASHES,
		evidence: (c, e) => {
			const driver = c.details.driver;
			if (typeof driver !== 'string' || driver === '') return null;
			const frame = e.stack?.frames.find((f) => f.reliable && f.module === driver);
			if (frame === undefined) return null;
			const before = latestBefore(c, e, WINDOW_S, WINDOW_LINES);
			if (before === null) return null;
			const f = e.first_seen;
			const when =
				before.ts !== null && f.ts !== null
					? ` until ${Math.round(f.ts - before.ts)} s before`
					: ` ${f.first_line - before.first_line} lines before`;
			const hangs = c.rule === 'network.nic-hang' ? 'transmit hangs' : 'transmit timeouts';
			return `${driver} reported ${hangs} on ${String(c.details.device)}${when}, and the crash is in ${driver}'s code (${frame.function})`;
		}
	}
];

/**
 * The latest kept occurrence of `c` before the first occurrence of `e`, in the same boot, at most
 * `s` kernel seconds before it (`lines` input lines without kernel times), or null.
 */
function latestBefore(c: Finding, e: Finding, s: number, lines: number): Occurrence | null {
	const f = e.first_seen;
	let best: Occurrence | null = null;
	for (const o of [...c.occurrences, c.last_seen]) {
		if (o.boot !== f.boot || o.first_line >= f.first_line) continue;
		const near =
			o.ts !== null && f.ts !== null
				? f.ts >= o.ts && f.ts - o.ts <= s
				: f.first_line - o.first_line <= lines;
		if (near && (best === null || o.first_line > best.first_line)) best = o;
	}
	return best;
}

/**
 * The boots that ended without a clean shutdown: the boot before each boot in which an unclean
 * shutdown was found (its journal replayed at mount). The first boot of the log has none before it.
 */
function endedUncleanly(e: Finding): number[] {
	return e.boots.filter((b) => b > 0).map((b) => b - 1);
}

/** `boot 3`, `boots 3 and 8`, `boots 0, 2, 4, … and 14` (at most 8 named) */
function bootList(boots: number[]): string {
	if (boots.length === 1) return `boot ${boots[0]}`;
	if (boots.length > 8) return `boots ${boots.slice(0, 7).join(', ')}, … and ${boots.at(-1)}`;
	return `boots ${boots.slice(0, -1).join(', ')} and ${boots.at(-1)}`;
}

/** How far back (kernel seconds, else input lines) a cause may be from its effect's first occurrence. */
const WINDOW_S = 300;
const WINDOW_LINES = 2000;

const STORM = new Map(LINE_RULES.filter((r) => r.storm).map((r) => [r.id, r.storm!]));

/**
 * Whether a detail named by a storm's `unless` holds: true, or a value (a name, a number other
 * than 0, a list that is not empty); not false, null, absent, 0, '' or an empty list.
 */
export function saysSo(v: DetailValue | undefined): boolean {
	if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
	return !Array.isArray(v) || v.length !== 0;
}

/** Raise the severity of findings whose rule declares a storm threshold that was reached. */
export function applyStorms(findings: Finding[]): void {
	for (const f of findings) {
		const s = STORM.get(f.rule);
		if (!s || f.count < s.count) continue;
		if (s.unless !== undefined && saysSo(f.details[s.unless])) continue;
		const severity = s.then && f.count >= s.then.count ? s.then.severity : s.severity;
		if (severityRank(severity) < severityRank(f.severity)) {
			f.severity = severity;
			f.details = { ...f.details, storm: true };
		}
	}
}

/** Device key and its naming family, from details.device (or port/array). */
export function deviceKey(f: Finding): { family: string; key: string } | null {
	const d = f.details.device ?? f.details.port ?? f.details.array;
	if (typeof d !== 'string' || d === '') return null;
	let m: RegExpExecArray | null;
	if ((m = /^(nvme\d+)(?:c\d+)?(?:n\d+)?(?:p\d+)?/.exec(d))) return { family: 'block', key: m[1] };
	if ((m = /^(mmcblk\d+)/.exec(d))) return { family: 'block', key: m[1] };
	if ((m = /^((?:sd|vd|hd|xvd)[a-z]+)/.exec(d))) return { family: 'block', key: m[1] };
	if ((m = /^(dm-\d+|md\d+|loop\d+|zram\d+)/.exec(d))) return { family: 'block', key: m[1] };
	if ((m = /^(ata\d+)/.exec(d))) return { family: 'ata', key: m[1] };
	if ((m = /^(?:PCI:)?([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2})/.exec(d)))
		return { family: 'pci', key: m[1] };
	if (f.category === 'usb') return { family: 'usb', key: d };
	if (f.category === 'network') return { family: 'net', key: d };
	return null;
}

/** where an occurrence is: input line, kernel seconds, wall-clock ms (when known), boot */
interface Moment {
	line: number;
	ts: number | null;
	wall: number | null;
	boot: number;
}

function moment(o: Occurrence): Moment {
	const wall = o.wall === null ? NaN : Date.parse(o.wall);
	return { line: o.first_line, ts: o.ts, wall: Number.isNaN(wall) ? null : wall, boot: o.boot };
}

interface Node {
	f: Finding;
	layer: Layer | null;
	dev: { family: string; key: string } | null;
	/** the occurrences kept, to measure distance in time */
	occ: Moment[];
	/** where its first occurrence is */
	first: Moment;
}

function node(f: Finding): Node {
	const occ = [...f.occurrences, f.last_seen].map(moment);
	return { f, layer: LAYERS[f.rule] ?? null, dev: deviceKey(f), occ, first: moment(f.first_seen) };
}

/** May `c` have caused `e`? (ignoring time) */
function canCause(c: Node, e: Node): boolean {
	if (!c.layer || c.f.severity === 'info' || e.f.severity === 'info') return false;
	if (e.f.category === 'crash') return CRASH_CAUSES[e.f.rule]?.(c.f, e.f) ?? false;
	if (!e.layer || c.layer.stage >= e.layer.stage) return false;
	return c.layer.domain === 'any' || c.layer.domain === e.layer.domain;
}

/**
 * Is some occurrence of `c` shortly before the first occurrence of `e`, in the same boot? A
 * crash report's range starts at its `cut here` line, so a WARN()'s own message (the transmit
 * timeout of `NETDEV WATCHDOG`) lies inside it: that counts as before too.
 */
function closeBefore(c: Node, e: Node): boolean {
	const first = e.first;
	for (const o of c.occ) {
		if (o.boot !== first.boot) continue;
		if (e.f.category === 'crash' && o.line >= first.line && o.line <= e.f.first_seen.last_line)
			return true;
		if (within(o, first, WINDOW_S, WINDOW_LINES)) return true;
	}
	return false;
}

/**
 * Is moment `o` before moment `first` of the same boot, at most `s` kernel seconds before it (else
 * wall-clock seconds, else `lines` input lines)?
 */
function within(o: Moment, first: Moment, s: number, lines: number): boolean {
	if (o.boot !== first.boot || o.line >= first.line) return false;
	if (o.ts !== null && first.ts !== null) return first.ts >= o.ts && first.ts - o.ts <= s;
	if (o.wall !== null && first.wall !== null)
		return first.wall >= o.wall && first.wall - o.wall <= s * 1000;
	return first.line - o.line <= lines;
}

function worst(chain: Finding[]): number {
	return Math.min(...chain.map((f) => severityRank(f.severity)));
}

/** a finding's cause, how sure the link is and what supports it */
interface Parent {
	id: string;
	certainty: Certainty;
	reason: string | null;
}

/** ` → ` between a cause and its effect; a possible link says so */
function arrow(link: Parent): string {
	return link.certainty === 'possible' ? ' → possibly → ' : ' → ';
}

/** the rule of a driver's failed probe (`probe of X failed with error -N`) */
const PROBE_FAILED = 'hardware.driver-probe-failed';

/**
 * What made a driver's probe fail (`nodes`: the findings other than failed probes that name a
 * driver and are not info): the latest earlier finding, shortly before it in the same
 * boot, that names the same driver and one of the same devices (the SDIO Wi-Fi chip that did not
 * answer its driver, then `rtw_8821cs: probe of mmc3:0001:1 failed with error -110`). A failed
 * probe is where the driver gives up on the device, so it is the end of whatever that driver
 * reported about it; it is linked even when it is info, which says only that the device is
 * without its driver.
 */
function probeCause(e: Node, nodes: Node[]): Node | null {
	if (e.f.rule !== PROBE_FAILED) return null;
	const driver = e.f.details.driver;
	const listed = e.f.details.devices;
	const devices = Array.isArray(listed) ? listed : [e.f.details.device];
	if (typeof driver !== 'string') return null;
	let best: Node | null = null;
	for (const c of nodes) {
		if (c.f.details.driver !== driver) continue;
		if (!devices.includes(c.f.details.device as string)) continue;
		if (!closeBefore(c, e) || (best && best.f.first_line > c.f.first_line)) continue;
		best = c;
	}
	return best;
}

/** at most this many input lines from the end of an I2C controller's WARN to the probe failure after it */
const I2C_PROBE_LINES = 10;
/** and at most this long (kernel seconds) */
const I2C_PROBE_S = 1;
/** the rule of an I2C controller's WARN about a transfer in a driver's probe */
const I2C_PROBE_TRANSFER = 'crash.i2c-probe-transfer';

/**
 * The I2C controller's WARN (crash.i2c-probe-transfer) that a driver's failed probe follows: its
 * trace names the probe (the frame `i2c_device_probe` called, `pca953x_probe`), the probe failure
 * names the driver (`pca953x: probe of 2-0020 failed with error -110`), and one of the failure's
 * occurrences comes right after the trace (at most I2C_PROBE_LINES after its last line, within
 * I2C_PROBE_S, in the same boot): the controller warned about the transfer that the probe then
 * failed on (tf201log-dmesg-txt.log: `WARNING: at …/i2c-tegra.c:623 tegra_i2c_xfer`, `i2c transfer
 * timed out, addr 0x0020`, then the probe of 2-0020 failed with -110). The probe failure may have
 * failed on another device earlier (the same driver's 4-0020): the link is to the occurrence
 * after the WARN. The WARN is info and still a cause, as a failed probe is the end of what its
 * device's transfers reported. `warnings`: the findings of crash.i2c-probe-transfer.
 */
function i2cProbeCause(e: Node, warnings: Node[]): Node | null {
	if (e.f.rule !== PROBE_FAILED) return null;
	const driver = e.f.details.driver;
	if (typeof driver !== 'string') return null;
	for (const c of warnings) {
		const frames = c.f.stack?.frames ?? [];
		const at = frames.findIndex((f) => f.function === 'i2c_device_probe');
		const probe = at > 0 ? frames[at - 1].function : '';
		if (probe !== `${driver}_probe`) continue;
		const w = c.f.first_seen;
		const after = e.occ.some(
			(o) =>
				o.boot === w.boot &&
				o.line > w.last_line &&
				o.line - w.last_line <= I2C_PROBE_LINES &&
				(o.ts === null || w.ts === null || (o.ts >= w.ts && o.ts - w.ts <= I2C_PROBE_S))
		);
		if (after) return c;
	}
	return null;
}

/**
 * Crash reports that are the consequence of an earlier one: the kernel printed two reports of
 * one problem. Only where the two reports themselves show it:
 * - a KASAN report and the fault of the same access right after it (`BUG: KASAN:
 *   wild-memory-access on address 0000ffff00013138`, then `general protection fault` whose
 *   `RIP:` is the instruction KASAN's trace stopped at, `init_real_cpu_mask+0x77/0x150`, in the
 *   same task: `lkp-48.log`). KASAN reports a bad access before it is made, and an access to a
 *   non-canonical or unmapped address then faults; or the fault of the KASAN report itself as
 *   it printed its records (crashedInReport, syzkaller report 120);
 * - an oops, then a lockdep report that printing it raised (raisedByOops, syzkaller report 352);
 * - an oops, then the next oops of die()'s count right after its end (nextOops, lkp-42.log);
 * - an RCU stall, a soft lockup or a hard lockup, and a task hung waiting for an RCU grace
 *   period after it, printed while the task waited (`INFO: rcu_sched self-detected stall on
 *   CPU`, then `INFO: task rcu_perf_writer:48 blocked for more than 120 seconds` in
 *   synchronize_sched(): `lkp-57.log`; `Watchdog detected hard LOCKUP on cpu 34`, then `INFO: task
 *   CPU 0/KVM:8543 blocked for more than 120 seconds` in synchronize_sched():
 *   `crash-dmesg-vmcore-dmesg-txt.log`): a CPU that does not schedule holds up every grace
 *   period, so synchronize_rcu() and its kin wait as long as it stalls, and a CPU stuck with
 *   interrupts off (a hard lockup) schedules least of all;
 * - a WARNING, then an oops in the same call (sameCall): the code a WARN() returned to went on
 *   and crashed (`i225nic-pstore-panic-log-txt.log`: `refcount_t: underflow; use-after-free.` in
 *   tcp_wfree() from igc_clean_tx_irq(), then `kernel BUG at lib/dynamic_queue_limits.c:27!` in
 *   dql_completed() from the same igc_clean_tx_irq() call, 1 ms later on CPU 11): two reports of
 *   one bug, the transmit ring's clean-up completing what it had completed already; or a
 *   WARNING, then another WARNING in the same call: the code went on and warned again about
 *   what the first found (`debian-clearfog-gt-8k-dmesg.log`: `Pool does not have so many bufs`
 *   in mvpp2_bm_bufs_free() from mvpp2_bm_pool_destroy(), then that function's own `cannot free
 *   all buffers in pool 0`, 0.3 s later in the same worker);
 * - a report that damaged the kernel (an oops that killed a task, memory found corrupted:
 *   summary.ts's DAMAGE_RULES), then `BUG: Bad rss-counter state` (or `non-zero pgtables_bytes on
 *   freeing mm`): check_mm() finds an address space's page counters off when it is torn down, and
 *   a task killed in the middle of mapping or unmapping pages leaves them off. Printed within
 *   TEARDOWN_S of such a crash, it is that crash's consequence (teardownAfterCrash), not a bug
 *   to report of its own; alone it stays a kernel bug worth reporting (high);
 * - an oops, then `BUG: sleeping function called from invalid context` (or `scheduling while
 *   atomic`, or `BUG: spinlock lockup`) whose trace runs through the oops path (die(),
 *   oops_end(), make_task_dead() ...): the oops kills its task with do_exit(), which may sleep
 *   and takes locks, and a task that faulted with interrupts off or a lock held exits in atomic
 *   context (`kerneloops-power5-with-machinecheck.log`: a machine check in `._spin_lock`, then
 *   might_sleep() in `.down_read` from `.profile_task_exit`, `.do_exit`, `.die`,
 *   `.machine_check_exception`; `kerneloops-i386-oops-with-end-marker.log`: a double fault, then
 *   a spinlock lockup in `taskstats_exit` from `do_exit`, `die`, `do_double_fault`);
 * - lockdep's possible deadlock, then the deadlock itself: `BUG: spinlock lockup` of the same
 *   task in the same function, right after it (`satyr-gitlog-01.log`: `possible recursive locking
 *   detected`, ksdioirqd/mmc0/73 taking host->lock again in mxs_mmc_enable_sdio_irq, then `BUG:
 *   spinlock lockup suspected on CPU#0, ksdioirqd/mmc0/73` with `.owner: ksdioirqd/mmc0/73`):
 *   lockdep reports the acquisition before it is made, and a spinlock taken twice spins forever;
 * - a panic, then a report that code panic() runs printed (printedInPanic, lkp-49.log: the
 *   framebuffer driver's WARN() when bust_spinlocks() unblanks the console): a consequence of
 *   the panic, printed on the way down;
 * - a work item that returned with a lock held or preemption disabled (`BUG: workqueue leaked
 *   lock or atomic: kworker/u2:2/0x00000001/127`, process_one_work()), then `BUG: scheduling
 *   while atomic` (or `sleeping function called from invalid context`) of the same worker
 *   (`kworker/u2:2/127/0x00000002`): the worker's preempt count is still raised when it goes on
 *   to sleep or to its next work item, so the leak is the cause and the scheduler's report its
 *   consequence (`lkp-72.log`, the ww_mutex stress test's `stress_inorder_work`).
 */
interface FollowOn {
	cause: ReadonlySet<string>;
	effect: ReadonlySet<string>;
	follows(c: Finding, e: Finding): boolean;
}

/** at most this many input lines between the end of a KASAN report and the fault it foretold */
const SAME_ACCESS_LINES = 10;

/** the panics: a report of their own, printed by panic() */
const PANIC_RULES: ReadonlySet<string> = new Set([
	'crash.panic',
	'crash.init-died',
	'crash.oom-panic',
	'crash.sysrq-crash'
]);
/** reports that code panic() runs can print: a WARN(), a sleep or a lock in the wrong context, a fault */
const IN_PANIC_RULES: ReadonlySet<string> = new Set([
	...OOPS_RULES,
	'crash.warning',
	'crash.refcount',
	'crash.atomic-sleep',
	'crash.spinlock',
	'crash.lockdep'
]);

/**
 * Was this report printed by code that panic() ran (a reliable `panic` frame in its trace):
 * bust_spinlocks() unblanking the console, the panic notifiers, kmsg dumpers? lkp-49.log: `WARNING
 * … at kernel/softirq.c:150 __local_bh_enable_ip` from `cn_netlink_send_mult` ← `uvesafb_blank` ←
 * `fbcon_blank` ← `do_unblank_screen` ← `bust_spinlocks` ← `panic`, 0.2 s after `Kernel panic - not
 * syncing: Attempted to kill init!` of the same task. (A WARN() that makes the kernel panic,
 * panic_on_warn, is one report with its panic, not printed after it.)
 */
function printedInPanic(e: Finding): boolean {
	return e.stack?.frames.some((f) => f.reliable && /^\.?panic$/.test(f.function)) ?? false;
}

/** both reports name their task, and it is the same one */
function samePid(c: Finding, e: Finding): boolean {
	return typeof c.details.pid === 'number' && c.details.pid === e.details.pid;
}

/**
 * `e` printed right after the KASAN report `c` (its first time in the same boot, within
 * SAME_ACCESS_LINES lines after `c`'s end) by the same task
 */
function rightAfter(c: Finding, e: Finding): boolean {
	const k = c.first_seen;
	const f = e.first_seen;
	return (
		k.boot === f.boot &&
		f.first_line > k.last_line &&
		f.first_line - k.last_line <= SAME_ACCESS_LINES &&
		samePid(c, e)
	);
}

/** the same task, or one of the two reports names none */
function pidsAgree(c: Finding, e: Finding): boolean {
	return (
		typeof c.details.pid !== 'number' ||
		typeof e.details.pid !== 'number' ||
		c.details.pid === e.details.pid
	);
}

const FOLLOW_ONS: FollowOn[] = [
	{
		cause: new Set(['crash.kasan']),
		effect: new Set(['crash.gpf', 'crash.paging-fault', 'crash.null-deref', 'crash.oops']),
		follows: (c, e) => sameAccess(c, e) || crashedInReport(c, e)
	},
	{
		cause: OOPS_RULES,
		effect: new Set(['crash.lockdep']),
		follows: raisedByOops
	},
	{
		cause: OOPS_RULES,
		effect: OOPS_RULES,
		follows: nextOops
	},
	{
		cause: new Set(['crash.rcu-stall', 'crash.soft-lockup', 'crash.hard-lockup']),
		effect: new Set(['crash.hung-task']),
		follows: (c, e) =>
			(e.stack?.frames.some((f) => f.reliable && GRACE_PERIOD.test(f.function)) ?? false) &&
			whileWaiting(c, e)
	},
	{
		cause: new Set(['crash.warning', 'crash.refcount']),
		effect: new Set([...OOPS_RULES, 'crash.warning', 'crash.refcount']),
		follows: sameCall
	},
	{
		cause: OOPS_RULES,
		effect: new Set(['crash.atomic-sleep', 'crash.spinlock']),
		follows: (c, e) =>
			exitedFromOops(e) && pidsAgree(c, e) && shortlyAfter(c, e, OOPS_EXIT_S, OOPS_EXIT_LINES)
	},
	{
		cause: PANIC_RULES,
		effect: IN_PANIC_RULES,
		follows: (c, e) =>
			printedInPanic(e) && pidsAgree(c, e) && shortlyAfter(c, e, OOPS_EXIT_S, OOPS_EXIT_LINES)
	},
	{
		cause: OOPS_RULES,
		effect: new Set(['crash.panic']),
		follows: (c, e) =>
			lostOopsPanic(e) &&
			c.stack?.fault_location != null &&
			c.stack.fault_location === e.stack?.fault_location &&
			shortlyAfter(c, e, OOPS_EXIT_S, INTERRUPTED_OOPS_LINES)
	},
	{
		cause: new Set(['crash.lockdep']),
		effect: new Set(['crash.spinlock']),
		follows: (c, e) =>
			c.title.startsWith('possible deadlock in ') &&
			e.title.startsWith('BUG: spinlock lockup') &&
			samePid(c, e) &&
			c.stack?.guilty_frame != null &&
			c.stack.guilty_frame === e.stack?.guilty_frame &&
			shortlyAfter(c, e, OOPS_EXIT_S, OOPS_EXIT_LINES)
	},
	{
		cause: new Set(['crash.workqueue']),
		effect: new Set(['crash.atomic-sleep']),
		follows: (c, e) =>
			c.title.startsWith('BUG: workqueue leaked lock or atomic') &&
			samePid(c, e) &&
			shortlyAfter(c, e, LEAKED_S, LEAKED_LINES)
	},
	{
		cause: DAMAGE_RULES,
		effect: new Set(['crash.bad-page']),
		follows: (c, e) =>
			teardownCheck(e) && !teardownCheck(c) && shortlyAfter(c, e, TEARDOWN_S, TEARDOWN_LINES)
	}
];

/**
 * A `Fatal exception` panic whose oops the report did not hold, only its registers before it
 * (crash/index.ts, lostOopsTail). When an oops with the very same faulting PC came shortly before,
 * that is the oops it ends: another report printed inside it split the two (syzkaller report 352:
 * lockdep's circular-locking report, raised by the oops's own printk under `zone->lock`, between
 * the `kernel BUG` and its `---[ end trace`, register summary and panic).
 */
function lostOopsPanic(e: Finding): boolean {
	return (
		typeof e.details.corrupted_reason === 'string' &&
		e.details.corrupted_reason.startsWith('the oops this panic ends lost its header')
	);
}
/** lines an oops's end may come after its start when another report was printed inside it */
const INTERRUPTED_OOPS_LINES = 400;

/** the oops path's frames that end in do_exit() (ppc64 ELF v1 prints them with a leading dot) */
const OOPS_EXIT =
	/^\.?(?:die|__die|oops_end|make_task_dead|rewind_stack_do_exit|rewind_stack_and_make_dead)$/;
/** the oops's task exits right after the oops is printed */
const OOPS_EXIT_S = 10;
const OOPS_EXIT_LINES = 100;

/** Did the task of this report sleep or spin on its way out of an oops? */
function exitedFromOops(e: Finding): boolean {
	return e.stack?.frames.some((f) => f.reliable && OOPS_EXIT.test(f.function)) ?? false;
}

/**
 * How soon after a work item returned with a lock held or preemption disabled its worker
 * schedules or sleeps: the worker goes on to its next work item or to sleep right away.
 */
const LEAKED_S = 10;
const LEAKED_LINES = 100;

/**
 * How soon after the crash a teardown check counts as its consequence: a killed task's address
 * space is torn down as it exits, right after its oops (later only when other threads shared it).
 */
const TEARDOWN_S = 60;
const TEARDOWN_LINES = 200;

/**
 * Is `e`'s first occurrence after one of `c`'s kept occurrences in the same boot, at most `s`
 * kernel seconds later (`lines` input lines without kernel times)?
 */
function shortlyAfter(c: Finding, e: Finding, s: number, lines: number): boolean {
	return latestBefore(c, e, s, lines) !== null;
}

/** check_mm()'s reports, at the teardown of an address space (`BUG: Bad rss-counter state`) */
function teardownCheck(f: Finding): boolean {
	return /^BUG: (?:Bad rss-counter state|non-zero pgtables_bytes)/.test(f.title);
}

/**
 * A teardown check that follows a crash of its boot: the crash's consequence (medium instead of
 * high), and its explanation says so.
 */
function teardownAfterCrash(f: Finding, cause: Finding): void {
	f.severity = 'medium';
	f.explanation = {
		...f.explanation,
		meaning: `${f.explanation.meaning} Here it follows \`${cause.title}\` in the same boot: a task killed in the middle of mapping or unmapping pages leaves its counters off, so this is most likely that crash's consequence; report the crash, and this only with it.`
	};
}

/**
 * A report printed by panic() itself after the panic it follows (printedInPanic: a WARN() of code
 * the panic ran, lkp-49.log's uvesafb blanking the console through the netlink connector with
 * interrupts off): a side effect of going down, not a second problem, so at most low, and the
 * explanation says so.
 */
function printedByPanic(f: Finding, cause: Finding): void {
	if (severityRank(f.severity) < severityRank('low')) f.severity = 'low';
	f.explanation = {
		...f.explanation,
		meaning: `${f.explanation.meaning} Here it was printed by the panic itself (its trace runs through \`panic\`: the console unblanked, a panic notifier, a dump of the log) after \`${cause.title}\`, by code that runs only while the kernel is already going down: the panic is the problem to solve, and this report a side effect of it (code unfit for the panic’s context, interrupts off), worth reporting only with the panic.`
	};
}

/** a card's own reports that it stopped sending, after which its driver resets it */
const STUCK_CARD: ReadonlySet<string> = new Set(['network.nic-hang', 'network.tx-timeout']);

/** Are `e`'s link drops those of the card whose transmit hangs or timeouts `c` reports? */
function linkDropsOfStuckCard(e: Finding, c: Finding): boolean {
	if (e.rule !== 'network.link-down' || !STUCK_CARD.has(c.rule)) return false;
	const [de, dc] = [deviceKey(e), deviceKey(c)];
	return de !== null && dc !== null && de.family === dc.family && de.key === dc.key;
}

/**
 * The link drops of a card that also reported transmit hangs or timeouts: part of that card's
 * trouble, not a second problem (a cable or a switch port), so at most low, and the explanation
 * says so. A driver resets a card that stopped sending, which takes its link down and up; igc
 * also resets a card that lost its link with packets queued (i225nic: each `NIC Link is Down`
 * then `Reset adapter` within a millisecond).
 */
function linkDownWithHang(f: Finding, cause: Finding): void {
	if (severityRank(f.severity) < severityRank('low')) f.severity = 'low';
	const what = cause.rule === 'network.nic-hang' ? 'transmit hangs' : 'transmit timeouts';
	f.explanation = {
		...f.explanation,
		meaning: `${f.explanation.meaning} Here the same card also reported ${what} (\`${cause.title}\`): the drops are part of that card's trouble, not a second problem. A driver resets a card that stopped sending, which takes its link down and up, and resets one that lost its link with packets still queued; a cable or switch port would explain the drops but not the ${what}.`,
		next_steps: [
			`Deal with the card's ${what} first (\`${cause.title}\`: driver, firmware, power saving); the steps below matter only if the link still drops once the card no longer hangs.`,
			...f.explanation.next_steps
		]
	};
}

/** the hung-task watchdog's default timeout, when the report does not say (`blocked for more than 120 seconds`) */
const HUNG_TASK_S = 120;

/**
 * Was a report of `c` printed while the hung task `e` waited: in its boot, before it, at most the
 * time the task had been blocked (`blocked for more than N seconds`) before it? A stall or
 * lockup printed then was still going on at some time of the wait (it is printed while it
 * lasts). Without kernel times the cascade window decides (closeBefore).
 */
function whileWaiting(c: Finding, e: Finding): boolean {
	const f = e.first_seen;
	if (f.ts === null) return true;
	const said = e.evidence
		.map((l) => /blocked for more than (\d+) seconds/.exec(l.text))
		.find((m) => m !== null);
	const waited = said ? Number(said[1]) : HUNG_TASK_S;
	return [...c.occurrences, c.last_seen].some(
		(o) =>
			o.boot === f.boot &&
			o.first_line < f.first_line &&
			(o.ts === null || (o.ts <= f.ts! && f.ts! - o.ts <= waited))
	);
}

/** at most this long (kernel seconds; input lines without them) from a WARNING to an oops of the same call */
const SAME_CALL_S = 1;
const SAME_CALL_LINES = 10;

/**
 * Functions that call many different functions in turn, so that two reports below one of them,
 * from the same stack below it, need not be in one call: syscall, interrupt and work dispatch
 * (crash/index.ts's TRACE_BOTTOM, and the 6.9+ syscall table's switch).
 */
const DISPATCHER = /^(?:x64_sys_call|ia32_sys_call|x32_sys_call)$/;

/**
 * Is the oops (or WARNING) `e` in the same call as the WARNING `c` (a WARN() returns, and the
 * code it returned to went on): the same task on the same CPU, printed right after it (SAME_CALL_S, else
 * SAME_CALL_LINES after its last line), and their traces end alike? Below the frames of each
 * report's own (from its guilty frame), the reliable frames of the two traces are the same from
 * some frame on to the end (function, offset and size: one call site, one stack below it), and
 * the frame just above that common part, the function called from there, is the same function
 * in both, no dispatcher (DISPATCHER, TRACE_BOTTOM). i225nic: the refcount WARNING in
 * tcp_wfree ← … ← napi_consume_skb ← igc_clean_tx_irq and the BUG in dql_completed ←
 * `? igc_clean_tx_irq` share `igc_poll+0x32/0x320` and everything below it (NAPI, the interrupt,
 * CPU 11's idle loop): one call of igc_clean_tx_irq() raised both.
 */
function sameCall(c: Finding, e: Finding): boolean {
	if (!samePid(c, e)) return false;
	const [cc, ec] = [c.details.cpu, e.details.cpu];
	if (typeof cc === 'number' && typeof ec === 'number' ? cc !== ec : c.details.pid === 0)
		return false; // the idle task is pid 0 on every CPU
	const f = e.first_seen;
	const soon = [...c.occurrences, c.last_seen].some((o) => {
		if (o.boot !== f.boot) return false;
		if (o.ts !== null && f.ts !== null) return f.ts >= o.ts && f.ts - o.ts <= SAME_CALL_S;
		return f.first_line > o.last_line && f.first_line - o.last_line <= SAME_CALL_LINES;
	});
	if (!soon) return false;
	const below = (x: Finding): Frame[] | null => {
		const frames = x.stack?.frames ?? [];
		const g = x.stack?.guilty_frame;
		const at = g ? frames.findIndex((fr) => fr.function === g) : -1;
		return at === -1 ? null : frames.slice(at);
	};
	const [cf, ef] = [below(c), below(e)];
	if (!cf || !ef) return false;
	const key = (fr: Frame) => `${fr.function}+${fr.offset ?? ''}/${fr.size ?? ''}`;
	// the common reliable frames, from the end, past each report's guilty frame
	const [cr, er] = [cf.slice(1), ef.slice(1)].map((l) => l.filter((fr) => fr.reliable));
	let n = 0;
	while (
		n < cr.length &&
		n < er.length &&
		key(cr[cr.length - 1 - n]) === key(er[er.length - 1 - n])
	)
		n++;
	if (n === 0) return false;
	// the function called from the common part's first frame: the frame just above it
	const callee = (all: Frame[], reliable: Frame[]) =>
		all[all.indexOf(reliable[reliable.length - n]) - 1];
	const [a, b] = [callee(cf, cr), callee(ef, er)];
	return (
		a !== undefined &&
		b !== undefined &&
		a.function === b.function &&
		!DISPATCHER.test(a.function) &&
		!TRACE_BOTTOM.test(a.function)
	);
}

/**
 * Is `e` the fault of the access that the KASAN report `c` caught: printed right after it in the
 * same boot, by the same task, at the instruction where the KASAN report's trace stopped?
 */
function sameAccess(c: Finding, e: Finding): boolean {
	if (!rightAfter(c, e)) return false;
	const at = e.stack?.fault_location;
	if (!at) return false;
	return (
		c.stack?.frames.some(
			(fr) => fr.offset !== null && `${fr.function}+${fr.offset}/${fr.size ?? ''}` === at
		) ?? false
	);
}

/**
 * The functions that print a KASAN report's allocation and free records (mm/kasan/report.c
 * print_track(), the stack depot's depot_fetch_stack(), 5.x's stack_depot_fetch() and
 * stack_depot_print()) and describe its object
 */
const KASAN_REPORT_CODE =
	/^(?:depot_fetch_stack|stack_depot_fetch|stack_depot_print|__stack_depot_print|print_track|describe_object(?:_stacks)?|print_address_description|kasan_report|__kasan_report|print_report)$/;

/**
 * A KASAN report that crashed while it printed itself: the log's report ends at one of its
 * records (`Allocated by task 3625515936:`) and a fault of the same task follows within
 * SAME_ACCESS_LINES lines whose faulting function is the code that prints those records
 * (syzkaller report 120: `slab-out-of-bounds Write in __unwind_start` of 88 bytes at a stack
 * address, then `BUG: unable to handle kernel paging request` at `depot_fetch_stack+0x11/0x40`
 * with `Thread overran stack, or stack corrupted`). The fault is the report's own: its object's
 * metadata was garbage, as the bad write KASAN caught had overrun the stack.
 */
function crashedInReport(c: Finding, e: Finding): boolean {
	if (!rightAfter(c, e)) return false;
	const at = e.stack?.fault_location ?? '';
	return KASAN_REPORT_CODE.test(at.replace(/\+0x.*$/, ''));
}

/** the frames by which an oops is reported: the trap's handler, report_bug(), die() */
const OOPS_REPORTING =
	/^\.?(?:report_bug(?:\.cold)?|die|__die|die_body|oops_begin|do_error_trap|do_trap|do_invalid_op|exc_invalid_op|handle_bug|page_fault_oops|no_context|__bad_area_nosemaphore)$/;

/**
 * A lockdep report raised while an oops was being printed: its trace runs through the oops's
 * reporting (report_bug(), die(), the trap's handler) down to the oops's own faulting location,
 * in the same task, shortly after the oops began (syzkaller report 352: `kernel BUG at
 * mm/page_alloc.c:3112!` in `__isolate_free_page` under compaction's `zone->lock`, then `possible
 * circular locking dependency detected` for `console_owner`, taken by the BUG's own printk(): its
 * trace has `report_bug.cold`, `do_error_trap`, `do_invalid_op`, `invalid_op` and `RIP:
 * __isolate_free_page+0x4a8/0x680`). The lock order lockdep found is real, but it was reached by
 * printing the oops: the oops is the bug to report first.
 */
function raisedByOops(c: Finding, e: Finding): boolean {
	const at = c.stack?.fault_location;
	if (!at || at !== e.stack?.fault_location || !samePid(c, e)) return false;
	if (!(e.stack?.frames.some((f) => f.reliable && OOPS_REPORTING.test(f.function)) ?? false))
		return false;
	return shortlyAfter(c, e, OOPS_EXIT_S, INTERRUPTED_OOPS_LINES);
}

/** the oops counter of die() in a report's first lines (`general protection fault: 0000 [#2] SMP`) */
function oopsNumber(f: Finding): number | null {
	for (const l of f.evidence.slice(0, 8)) {
		const m = /\[#(\d+)\]/.exec(l.text);
		if (m) return Number(m[1]);
	}
	return null;
}
/** at most this many input lines, and kernel seconds, from an oops's last line to the next oops */
const NEXT_OOPS_LINES = 5;
const NEXT_OOPS_S = 1;

/**
 * The next oops of die()'s count (`[#2]` after `[#1]`), begun right after the previous one's last
 * line (its `---[ end trace`), of the same task when both name one: the kernel went on from the
 * first oops in the state it left (the task being killed, a lock or list it held) and faulted
 * again (lkp-42.log, 4.8: `general protection fault: 0000 [#1]` in `find_busiest_group` of
 * swapper/0, then 3 µs after its `---[ end trace` `general protection fault: 0000 [#2]`, the
 * log's last line). The first oops is the one to read.
 */
function nextOops(c: Finding, e: Finding): boolean {
	const n = oopsNumber(e);
	const m = oopsNumber(c);
	if (n === null || m === null || n !== m + 1 || !pidsAgree(c, e)) return false;
	const k = c.last_seen;
	const f = e.first_seen;
	if (k.boot !== f.boot || f.first_line <= k.last_line) return false;
	if (f.first_line - k.last_line > NEXT_OOPS_LINES) return false;
	return k.ts === null || f.ts === null || (f.ts >= k.ts && f.ts - k.ts <= NEXT_OOPS_S);
}

/**
 * The earlier crash report `e` is a consequence of (FOLLOW_ONS), the latest if several are;
 * `crashes` are the crash reports' nodes.
 */
function followOnCause(e: Node, crashes: Node[]): Node | null {
	if (e.f.category !== 'crash') return null;
	let best: Node | null = null;
	for (const c of crashes) {
		if (c === e) continue;
		if (
			!FOLLOW_ONS.some(
				(r) => r.cause.has(c.f.rule) && r.effect.has(e.f.rule) && r.follows(c.f, e.f)
			)
		)
			continue;
		if (!closeBefore(c, e) || (best && best.f.first_line > c.f.first_line)) continue;
		best = c;
	}
	return best;
}

/** GPU resets, and the driver (module) whose errors (gpu.drm-driver-error) they can cause */
const GPU_RESETS: Record<string, string> = {
	'gpu.amdgpu-reset': 'amdgpu',
	'gpu.i915-reset': 'i915'
};
/** at most this long (kernel or wall-clock seconds) from a GPU reset to the driver's first error after it */
const AFTER_RESET_S = 10;
/** and at most this many input lines without times */
const AFTER_RESET_LINES = 300;

/**
 * The GPU reset that a graphics driver's errors follow: the latest reset of that driver, in the
 * same boot, at most AFTER_RESET_S before the errors were first printed (AFTER_RESET_LINES
 * without times). A reset takes the GPU's state away from the programs and the display: the
 * command submissions of contexts that lost their video memory are refused (amdgpu's `Failed to
 * initialize parser -125!`, -ECANCELED), the desktop compositor whose context was lost is ended,
 * and tearing its display state down meets the display core's state after the reset (`Head pipe
 * not found`, `Pipe not found for stream`). An error first printed so soon after a reset is its
 * consequence; one printed before the reset too is not linked (its finding's first occurrence
 * is before the reset).
 */
function resetCause(e: Node, nodes: Node[]): Node | null {
	if (e.f.rule !== 'gpu.drm-driver-error' || e.f.severity === 'info') return null;
	const first = e.first;
	let best: Node | null = null;
	for (const c of nodes) {
		if (GPU_RESETS[c.f.rule] !== e.f.details.module || c.f.severity === 'info') continue;
		const soon = c.occ.some((o) => within(o, first, AFTER_RESET_S, AFTER_RESET_LINES));
		if (soon && (best === null || best.f.first_line < c.f.first_line)) best = c;
	}
	return best;
}

/** what a Wi-Fi interface reports when its connection fails (mac80211's lines name the interface only) */
const WIFI_INTERFACE_TROUBLE: ReadonlySet<string> = new Set([
	'network.wifi-connect-timeout',
	'network.wifi-connection-lost'
]);
/** what a Wi-Fi chip's driver reports about the chip (its lines name the chip's bus device) */
const WIFI_CHIP_TROUBLE: ReadonlySet<string> = new Set([
	'network.firmware-crash',
	'network.wifi-chip-stalled',
	'network.wifi-tx-flush-timeout'
]);
/** at most this long (kernel or wall-clock seconds) from the chip's trouble to its interface's */
const WIFI_CHIP_S = 60;
/** and at most this many input lines without times */
const WIFI_CHIP_LINES = 200;

/**
 * The Wi-Fi chip's trouble that its interface's failed connection follows: the chip is the one
 * the log ties the interface to (its `chip` detail, LineRule.attachedAs: `rtw_8821ce
 * 0000:02:00.0 wlp2s0: renamed from wlan0`), and the chip's finding has an occurrence in the same
 * boot at most WIFI_CHIP_S before the interface's first (WIFI_CHIP_LINES without times), the
 * latest such finding if several. A chip whose firmware does not wake from power save, or that
 * does not answer its driver, drops the connection, and the attempts to join again time out until
 * it recovers (askubuntu-dmesg-journalctl-lastdayorso.log: `rtw_8821ce 0000:02:00.0: firmware
 * failed to leave lps state` twice, the connection lost, then `wlp2s0: authentication with
 * c8:0e:14:ed:b1:07 timed out` 12 s after the first). An interface the log does not tie to a chip
 * (no rename line: one that keeps the kernel's name, wlan0) is not linked.
 */
function wifiChipCause(e: Node, nodes: Node[]): Node | null {
	if (!WIFI_INTERFACE_TROUBLE.has(e.f.rule) || e.f.severity === 'info') return null;
	const chip = e.f.details.chip;
	if (typeof chip !== 'string') return null;
	const first = e.first;
	let best: Node | null = null;
	for (const c of nodes) {
		if (!WIFI_CHIP_TROUBLE.has(c.f.rule) || c.f.severity === 'info') continue;
		if (c.f.details.device !== chip) continue;
		const soon = c.occ.some((o) => within(o, first, WIFI_CHIP_S, WIFI_CHIP_LINES));
		if (soon && (best === null || best.f.first_line < c.f.first_line)) best = c;
	}
	return best;
}

/** POWER's cause of a machine check: `Caused by (from SRR1=8000000000101032): L2 data cache parity error` */
const PPC_MACHINE_CHECK = 'hardware.machine-check-powerpc';
/** at most this many input lines between a machine-check oops and the cause line of its CPU */
const MACHINE_CHECK_LINES = 40;

/**
 * The hardware error that made a POWER machine check kill a task (`Oops: Machine check, sig: 7`):
 * the cause line machine_check_exception() prints (`Caused by (from SRR1=…): L2 data cache
 * parity error`), nearest to the oops in the same boot. Without a debugger it comes right before
 * die()'s oops; with xmon it may come after it, in what xmon prints for the same CPU's next
 * machine check (`kerneloops-power5-with-machinecheck.log`: the capture starts inside xmon, after
 * the first machine check's cause line; the dying task's second machine check, in `.sync_buffer`,
 * prints `Caused by (from SRR1=8000000000101032): L2 data cache parity error` 24 lines after the
 * oops, whose own MSR, `8000000000109032`, has the same L2 parity bit). Linked either way.
 */
function machineCheckCause(e: Node, nodes: Node[]): Node | null {
	if (e.f.rule !== 'crash.oops' || !e.f.title.startsWith('Oops: Machine check')) return null;
	const o = e.f.first_seen;
	let best: Node | null = null;
	let bestDistance = Infinity;
	for (const c of nodes) {
		if (c.f.rule !== PPC_MACHINE_CHECK || c.f.severity === 'info') continue;
		for (const m of c.occ) {
			if (m.boot !== o.boot) continue;
			const distance = m.line < o.first_line ? o.first_line - m.line : m.line - o.last_line;
			if (distance <= MACHINE_CHECK_LINES && distance < bestDistance) {
				best = c;
				bestDistance = distance;
			}
		}
	}
	return best;
}

/** at most this many input lines from a firmware fault's line to the `WARNING:` line of the WARN() about it */
const FIRMWARE_WARN_LINES = 3;
/** and at most this long (kernel seconds) */
const FIRMWARE_WARN_S = 1;

/** the rules of the crash notices that name a finding they report again (CrashNotice.firmware) */
const REPORTED_AGAIN = new Set(
	CRASH_NOTICES.filter((n) => n.firmware !== undefined).map((n) => n.rule)
);

/**
 * The firmware finding a firmware WARN() (crash.firmware-warning) reports again (or the W+X
 * finding the W+X check's WARN reports again, crash.wx-check-warning): one of the rules
 * its notice names (notices.ts `firmware`), at one of the report's own lines (the WARN()'s message:
 * abrt-cut-here.log's `mtrr: your BIOS has set up an incorrect mask, fixing it up.` between its
 * `WARNING: at arch/x86/kernel/cpu/mtrr/generic.c:467` and its trace) or at most
 * FIRMWARE_WARN_LINES before its first line, within FIRMWARE_WARN_S (the fault the WARN() is
 * about: orion-o6-dmesg-out.log's `[Firmware Bug]: Unable to handle paging request in EFI runtime
 * service`, which arm64's fault handler prints right before `__efi_queue_work`'s WARN_ON_ONCE,
 * 33 µs earlier). The same complaint, so the link is probable; a firmware finding of the same
 * kind elsewhere in the boot is not linked.
 */
function firmwareCause(e: Node, nodes: Node[]): Node | null {
	if (!REPORTED_AGAIN.has(e.f.rule)) return null;
	const rules = crashNotice(e.f.title, e.f.evidence)?.firmware;
	if (rules === undefined) return null;
	const w = e.f.first_seen;
	let best: Node | null = null;
	for (const c of nodes) {
		if (!rules.includes(c.f.rule)) continue;
		const tied = c.occ.some(
			(o) =>
				o.boot === w.boot &&
				o.line >= w.first_line - FIRMWARE_WARN_LINES &&
				o.line <= w.last_line &&
				(o.ts === null || w.ts === null || Math.abs(w.ts - o.ts) <= FIRMWARE_WARN_S)
		);
		if (tied && (best === null || best.f.first_line < c.f.first_line)) best = c;
	}
	return best;
}

/** i915's routine notice that it gave up an eDP port no panel answered on */
const EDP_DISABLED = 'gpu.i915-edp-disabled';
/** at most this long (kernel seconds) from that notice to a WARN() of i915's display code */
const EDP_WARN_S = 10;
/** and at most this many input lines without kernel times */
const EDP_WARN_LINES = 300;

/**
 * The notice that i915 disabled an eDP port (`failed to retrieve link info, disabling eDP`) that a
 * WARN() of i915's panel power sequencing (drivers/gpu/drm/i915/display/intel_pps.c: the eDP
 * panel's power, VDD) follows in the same boot, within EDP_WARN_S, of the same GPU when both name
 * it: ms912x-dmesg-log.log's `drm_WARN_ON(intel_dp->pps.vdd_wakeref)` 30 ms after the HP Victus's
 * DDI B was disabled (its panel is wired to the NVIDIA GPU), under intel_dp_detect as the
 * connectors were probed. Only the eDP port has a panel power sequencer: the WARN is about the
 * port given up on.
 */
function edpWarnCause(e: Node, nodes: Node[]): Node | null {
	if (e.f.rule !== 'crash.warning') return null;
	if (
		!String(e.f.details.source_location ?? '').startsWith(
			'drivers/gpu/drm/i915/display/intel_pps.c'
		)
	)
		return null;
	const gpu = /^i915 (\S+):/.exec(String(e.f.details.warn_message ?? ''))?.[1] ?? null;
	let best: Node | null = null;
	for (const c of nodes) {
		if (c.f.rule !== EDP_DISABLED) continue;
		const dev = c.f.details.device;
		if (gpu !== null && typeof dev === 'string' && dev !== gpu) continue;
		if (!c.occ.some((o) => within(o, e.first, EDP_WARN_S, EDP_WARN_LINES))) continue;
		if (best === null || best.f.first_line < c.f.first_line) best = c;
	}
	return best;
}

/**
 * A panel-power WARN of i915 after it disabled the eDP port (edpWarnCause): i915's own
 * inconsistency on a port without a panel, harmless when the screens work, so low instead of
 * medium, and the explanation says so.
 */
function warnOnDisabledEdp(f: Finding, cause: Finding): void {
	if (severityRank(f.severity) < severityRank('low')) f.severity = 'low';
	const [w, c] = [f.first_seen.ts, cause.first_seen.ts];
	const gap = w !== null && c !== null && w >= c ? ` ${Math.round((w - c) * 1000)} ms` : '';
	const port = typeof cause.details.encoder === 'string' ? ` (${cause.details.encoder})` : '';
	f.explanation = {
		...f.explanation,
		meaning: `${f.explanation.meaning} Here it comes${gap} after i915 disabled the eDP port${port}, the built-in screen’s connector, because no panel answered on it (\`${cause.title}\`): the check of the eDP panel’s power sequencing (VDD) tripped as the connectors were probed, on the port i915 had just given up on. It is i915’s own inconsistency on a port without a panel (a hybrid laptop’s screen wired to the discrete GPU, or no built-in screen), not a fault of a screen or of the GPU: harmless if the screens work.`,
		next_steps: [
			'Nothing to do if the screens work: the steps below only report i915’s inconsistency (search for `vdd_wakeref` first: it may be known).',
			...f.explanation.next_steps
		]
	};
}

export function linkCascades(findings: Finding[]): Cascade[] {
	applyStorms(findings);
	const nodes = findings.map(node);
	const byId = new Map(findings.map((f) => [f.id, f]));
	const parent = new Map<string, Parent>();
	// the findings that can cause another (canCause) and the crash reports (followOnCause): the
	// loops over every pair of findings go over these only
	const causes = nodes.filter((c) => c.layer !== null && c.f.severity !== 'info');
	const crashes = nodes.filter((c) => c.f.category === 'crash');
	// and the findings probeCause and i2cProbeCause look at
	const ofDrivers = nodes.filter(
		(c) =>
			c.f.rule !== PROBE_FAILED && c.f.severity !== 'info' && typeof c.f.details.driver === 'string'
	);
	const i2cWarnings = nodes.filter((c) => c.f.rule === I2C_PROBE_TRANSFER);
	for (const e of nodes) {
		const direct =
			probeCause(e, ofDrivers) ??
			i2cProbeCause(e, i2cWarnings) ??
			firmwareCause(e, nodes) ??
			followOnCause(e, crashes) ??
			machineCheckCause(e, nodes) ??
			resetCause(e, nodes) ??
			wifiChipCause(e, nodes) ??
			edpWarnCause(e, nodes);
		if (direct) {
			parent.set(e.f.id, { id: direct.f.id, certainty: 'probable', reason: null });
			continue;
		}
		let best: Node | null = null;
		let bestScore = -Infinity;
		for (const c of causes) {
			if (c === e || !canCause(c, e) || !closeBefore(c, e)) continue;
			const sameFamily = c.dev && e.dev && c.dev.family === e.dev.family;
			if (sameFamily && c.dev!.key !== e.dev!.key) continue;
			// without the same device, only link adjacent layers (AER -> NVMe timeout, not AER -> an
			// I/O error on another disk)
			if (!sameFamily && e.layer && c.layer && e.layer.stage - c.layer.stage > 1) continue;
			// same device first, then the nearest layer below, then the latest
			const score = (sameFamily ? 1000 : 0) + (c.layer?.stage ?? 0) * 10 + c.f.first_line / 1e9;
			if (score > bestScore) {
				best = c;
				bestScore = score;
			}
		}
		if (best) parent.set(e.f.id, { id: best.f.id, certainty: 'probable', reason: null });
	}
	// a possible cause only where no probable one was found
	const possible = new Map<PossibleCause, Finding[]>();
	for (const e of findings) {
		if (parent.has(e.id) || e.severity === 'info') continue;
		const link = possibleCause(e, findings, parent, possible);
		if (link) parent.set(e.id, link);
	}
	for (const [child, p] of parent) {
		const [effect, cause] = [byId.get(child)!, byId.get(p.id)!];
		relate(effect, cause);
		if (cause.category === 'crash' && teardownCheck(effect) && !teardownCheck(cause))
			teardownAfterCrash(effect, cause);
		if (p.certainty === 'probable' && linkDropsOfStuckCard(effect, cause))
			linkDownWithHang(effect, cause);
		if (cause.rule === EDP_DISABLED) warnOnDisabledEdp(effect, cause);
		if (PANIC_RULES.has(cause.rule) && IN_PANIC_RULES.has(effect.rule) && printedInPanic(effect))
			printedByPanic(effect, cause);
	}
	const children = new Map<string, string[]>();
	for (const [child, p] of parent) children.set(p.id, [...(children.get(p.id) ?? []), child]);
	const cascades: (Cascade & { rank: number; line: number })[] = [];
	for (const f of findings) {
		if (parent.has(f.id) || !children.has(f.id)) continue;
		const chain: string[] = [];
		const links: CascadeLink[] = [];
		let description = '';
		const walk = (id: string) => {
			const m = byId.get(id)!;
			const up = parent.get(id);
			// the root has no parent; every other member has the link that brought it in. A member
			// whose cause is not the member before it (a cause's second effect) starts a branch
			// that names its cause again: `A → B; A → C`
			if (up) {
				links.push({ cause: up.id, effect: id, certainty: up.certainty, reason: up.reason });
				if (up.id !== chain.at(-1)) description += `; ${byId.get(up.id)!.title}`;
				description += arrow(up);
			}
			chain.push(id);
			description += m.title;
			if (up?.reason) description += ` (${up.reason})`;
			const kids = (children.get(id) ?? []).sort(
				(a, b) => (byId.get(a)?.first_line ?? 0) - (byId.get(b)?.first_line ?? 0)
			);
			for (const c of kids) walk(c);
		};
		walk(f.id);
		const members = chain.map((id) => byId.get(id)!);
		cascades.push({
			id: `cascade-${fnv1a(chain.join(','))}`,
			chain,
			description,
			links,
			rank: worst(members),
			line: f.first_line
		});
	}
	for (const f of findings) f.related.sort();
	// the most severe cascade first
	cascades.sort((a, b) => a.rank - b.rank || a.line - b.line);
	return cascades.map(({ id, chain, description, links }) => ({ id, chain, description, links }));
}

/**
 * The first possible cause of `e` (POSSIBLE_CAUSES order, then input order) the log supports.
 * `causes`: each possible cause's findings of its causes that are not info, as far as listed.
 */
function possibleCause(
	e: Finding,
	findings: Finding[],
	parent: Map<string, Parent>,
	causes: Map<PossibleCause, Finding[]>
): Parent | null {
	for (const p of POSSIBLE_CAUSES) {
		if (!p.effect.has(e.rule)) continue;
		let list = causes.get(p);
		if (list === undefined)
			causes.set(p, (list = findings.filter((c) => p.cause.has(c.rule) && c.severity !== 'info')));
		for (const c of list) {
			if (leadsTo(e.id, c.id, parent)) continue;
			const reason = p.evidence(c, e);
			if (reason !== null) return { id: c.id, certainty: 'possible', reason };
		}
	}
	return null;
}

/**
 * Does `from` lead to `to`: is it `to` or one of its causes, direct or not? A link from `to` to
 * `from` would then close a cycle.
 */
function leadsTo(from: string, to: string, parent: Map<string, Parent>): boolean {
	for (let id: string | undefined = to; id !== undefined; id = parent.get(id)?.id)
		if (id === from) return true;
	return false;
}
