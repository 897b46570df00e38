/**
 * Messages a third QA reading found missed or misread in the real-log corpus
 * (../shared/corpus/real), with short verbatim excerpts: novo7elf-dmesg-log.log (USB resets at
 * every resume, 3.0 kernel spelling), crash-logs-log20221215-txt.log and crash-logs-log12-04-txt.log
 * (xHCI re-initialised after resume, e1000e ULP), proxmox-amd-5700u-gpu-pa-dmesg-txt.log
 * (Zenbleed), debian-clearfog-gt-8k-dmesg.log (initramfs with junk after it).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

/** novo7elf-dmesg-log.log lines 93-144, trimmed: one suspend/resume cycle of the tablet */
function novoCycle(t: number, reset = true): string[] {
	const ts = (d: number) => `[${(t + d).toFixed(6).padStart(12)}]`;
	return [
		`<6>${ts(0)} PM: early resume of devices complete after 0.259 msecs`,
		`<6>${ts(0.41)} [CSI]csi_resume`,
		...(reset
			? [`<6>${ts(0.43)} usb 2-1: reset high speed USB device number 2 using sw-ehci`]
			: []),
		`<6>${ts(0.58)} PM: resume of devices complete after 587.203 msecs`,
		`<7>${ts(0.59)} [pm]aw_pm_end!`,
		`<7>${ts(0.59)} PM: Finishing wakeup.`,
		`<7>${ts(0.6)} Restarting tasks ... done.`,
		`<6>${ts(5.68)} PM: Syncing filesystems ... done.`,
		`<7>${ts(5.69)} PM: Preparing system for mem sleep`,
		`<7>${ts(5.74)} PM: Entering mem sleep`
	];
}

describe('USB device resets', () => {
	it('reads the 3.0 kernel spelling `reset high speed USB device`', async () => {
		const f = await findingsOf([
			'<6>[27017.820781] usb 2-1: reset high speed USB device number 2 using sw-ehci'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['usb.device-reset', 'USB device resets on port 2-1', 'info']
		]);
		expect(f[0].details).toMatchObject({ port: '2-1', speed: 'high-speed', controller: 'sw-ehci' });
	});

	it('a reset at each of 25 resumes is routine: info, not a reset storm', async () => {
		const lines = Array.from({ length: 25 }, (_, k) => novoCycle(26749.7 + 7.5 * k)).flat();
		const f = await findingsOf(lines);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			['usb.device-reset', 'USB device resets after resume on port 2-1', 'info', 25]
		]);
		expect(f[0].details).toMatchObject({
			after_resume: true,
			resume_event: 'PM: early resume of devices complete'
		});
		expect(f[0].details.storm).toBeUndefined();
	});

	it('resets far from any resume still become a storm', async () => {
		const reset = '<6>[27017.820781] usb 2-1: reset high speed USB device number 2 using sw-ehci';
		const filler = Array.from({ length: 61 }, (_, k) => `<7>[27017.9] rtw_cmd_thread: filler ${k}`);
		const lines = [
			...novoCycle(26749.7, false),
			...Array.from({ length: 10 }, () => [...filler, reset]).flat()
		];
		const f = await findingsOf(lines);
		expect(f.map((x) => [x.title, x.severity, x.count])).toEqual([
			['USB device resets on port 2-1', 'medium', 10]
		]);
	});

	/** crash-logs-log20221215-txt.log lines 2887-2902 (ThinkPad X1 Carbon, kernel 6.0) */
	it('explains the resets after `xHC error in resume … Reinit`', async () => {
		const f = await findingsOf([
			'Dec 15 21:01:17 laptop-x1c kernel: ACPI: PM: Waking up from system sleep state S3',
			'Dec 15 21:01:17 laptop-x1c kernel: ACPI: EC: interrupt unblocked',
			'Dec 15 21:01:17 laptop-x1c kernel: ACPI: EC: event unblocked',
			'Dec 15 21:01:17 laptop-x1c kernel: xhci_hcd 0000:00:14.0: xHC error in resume, USBSTS 0x411, Reinit',
			'Dec 15 21:01:17 laptop-x1c kernel: usb usb1: root hub lost power or was reset',
			'Dec 15 21:01:17 laptop-x1c kernel: usb usb2: root hub lost power or was reset',
			'Dec 15 21:01:17 laptop-x1c kernel: nvme nvme0: 8/0/0 default/read/poll queues',
			'Dec 15 21:01:17 laptop-x1c kernel: usb 1-8: reset high-speed USB device number 4 using xhci_hcd',
			'Dec 15 21:01:17 laptop-x1c kernel: usb 2-3: reset SuperSpeed USB device number 2 using xhci_hcd',
			'Dec 15 21:01:17 laptop-x1c kernel: usb 1-1: reset full-speed USB device number 2 using xhci_hcd',
			'Dec 15 21:01:17 laptop-x1c kernel: OOM killer enabled.',
			'Dec 15 21:01:17 laptop-x1c kernel: Restarting tasks ... done.'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'usb.host-controller-reinit',
				'USB controller 0000:00:14.0 re-initialised after resume',
				'info'
			],
			['usb.device-reset', 'USB device resets after resume on port 1-8', 'info'],
			['usb.device-reset', 'USB device resets after resume on port 2-3', 'info'],
			['usb.device-reset', 'USB device resets after resume on port 1-1', 'info']
		]);
		expect(f[0].details).toMatchObject({ device: '0000:00:14.0', usbsts: '0x411' });
		expect(f[1].details.resume_event).toBe('xHC error in resume');
	});
});

describe('AMD Zenbleed without the microcode fix', () => {
	/** proxmox-amd-5700u-gpu-pa-dmesg-txt.log lines 101-103 (Ryzen 7 5700U) */
	it('is low and does not say "not mitigated": the kernel applied its own workaround', async () => {
		const f = await findingsOf([
			'[    0.173879] Calibrating delay loop (skipped), value calculated using timer frequency.. 3593.11 BogoMIPS (lpj=7186228)',
			'[    0.173898] Zenbleed: please update your microcode for the most optimal fix',
			'[    0.173900] x86/cpu: User Mode Instruction Prevention (UMIP) activated'
		]);
		expect(f.map((x) => [x.rule, x.severity])).toEqual([['firmware.zenbleed-workaround', 'low']]);
		expect(f[0].title).not.toMatch(/not mitigated/);
	});
});

describe('e1000e ULP', () => {
	/** crash-logs-log12-04-txt.log lines 2984-2987 (I219, no cable plugged in) */
	it('reports `Failed to disable ULP` as a low network-card finding', async () => {
		const f = await findingsOf([
			'Dec 04 23:21:10 laptop-x1c systemd-logind[670]: Lid opened.',
			'Dec 04 23:21:11 laptop-x1c kernel: e1000e 0000:00:1f.6 enp0s31f6: Failed to disable ULP',
			"Dec 04 23:21:11 laptop-x1c NetworkManager[689]: <info>  [1670156471.9070] device (enp0s31f6): state change: unavailable -> unmanaged (reason 'sleeping', sys-iface-state: 'managed')"
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'network.nic-ulp-failed',
				'Network card enp0s31f6 could not leave its ultra-low-power mode (e1000e)',
				'low'
			]
		]);
		expect(f[0].details).toMatchObject({ driver: 'e1000e', device: 'enp0s31f6' });
	});
});

describe('Initramfs unpacking failed', () => {
	/** debian-clearfog-gt-8k-dmesg.log lines 181-183 and 239 (arm64, 4.19) */
	const CLEARFOG = [
		'[    0.256623] Trying to unpack rootfs image as initramfs...',
		'[    0.846614] Initramfs unpacking failed: invalid magic at start of compressed archive',
		'[    0.942707] Freeing initrd memory: 393216K'
	];

	it('is low when the archive’s /init then ran (junk after the archive)', async () => {
		const f = await findingsOf([...CLEARFOG, '[    2.323024] Run /init as init process']);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'other.initramfs-unpack-failed',
				'Initramfs unpacked with an error at its end (its /init ran)',
				'low'
			]
		]);
		expect(f[0].details.error).toBe('invalid magic at start of compressed archive');
	});

	it('is medium when the boot went on without the initramfs', async () => {
		const f = await findingsOf([...CLEARFOG, '[    2.323024] Run /sbin/init as init process']);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			['other.initramfs-unpack-failed', 'Initramfs could not be unpacked', 'medium']
		]);
	});
});
