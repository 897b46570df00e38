import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';
import { errnoName } from './util.ts';

const SUSPEND_ABORTED: Explanation = {
	meaning:
		'The kernel stopped a suspend while it was putting devices to sleep, and the machine stayed awake (or woke at once). The message covers two cases: a device’s driver failed its suspend (then a `PM: Device … failed to suspend` or `dpm_run_callback() … returns` line comes just before it and is a finding of its own, which says which device), or a wake-up event arrived during the suspend (a key press, mouse movement, a USB device, the lid or power adapter, a network packet with wake-on-LAN), and the kernel aborted on purpose. Without a device line before it, it was the wake-up event: harmless when it happens now and then.',
	causes: [
		{
			kind: 'driver',
			text: 'A device driver that failed its suspend callback (the device line before this one names it).'
		},
		{
			kind: 'hardware',
			text: 'A device that signals wake-up during suspend: a mouse, a USB device, a network card with wake-on-LAN, a noisy lid or AC sensor.'
		}
	],
	next_steps: [
		'Look just before this line for `PM: Device … failed to suspend` / `dpm_run_callback()`: if there is one, that device is the problem (see its finding).',
		'If there is none and suspend keeps failing, find the wake-up source: `cat /sys/power/pm_wakeup_irq` after the attempt, `cat /sys/kernel/debug/wakeup_sources` (the active ones), and with `echo 1 > /sys/power/pm_debug_messages` the log names it; disable its wake-up (`/sys/bus/*/devices/<name>/power/wakeup`, or the entry in `/proc/acpi/wakeup`).'
	],
	references: [
		'https://docs.kernel.org/power/basic-pm-debugging.html',
		'https://docs.kernel.org/admin-guide/pm/sleep-states.html'
	]
};

/** kernel/power + drivers/base/power: suspend/resume failures. */
export const suspendFailed: LineRule = {
	id: 'power.suspend-failed',
	category: 'power',
	severity: 'medium',
	triggers: [
		'ailed to suspend',
		'failed to resume',
		'Freezing ',
		' suspend of devices failed',
		'failed to power down'
	],
	pattern:
		/^(?:PM: (?:[Dd]evice (\S+) )?failed to (suspend|resume)(?: async| early| late| noirq)*(?:: error (-?\d+))?|(?:PM: )?(Some devices failed to suspend)|(Freezing (?:of tasks|user space processes|remaining freezable tasks) failed)(?: after [\d.]+ seconds)?|(?:\S+ (\S+): )?(Failed to suspend device), error (-?\d+)|(?:PM: )?(late|noirq) suspend of devices failed|(?:PM: )?(Some devices failed to power down))/,
	title: (m) => {
		if (m[5]) return 'Suspend aborted: tasks refused to freeze';
		// kernel/power/suspend.c suspend_enter(): dpm_suspend_late() or dpm_suspend_noirq()
		// failed, for the same two reasons as dpm_suspend_start() (the noirq phase checks
		// pm_wakeup_pending() once more)
		if (m[9])
			return `Suspend aborted in its ${m[9]} phase: a device failed to suspend or a wake-up event came in`;
		// kernel/power/hibernate.c create_image() (`…, aborting`), and suspend_enter() before 3.x
		if (m[10]) return 'Suspend or hibernation aborted: a device failed to power down';
		// kernel/power/suspend.c: printed when dpm_suspend_start() fails, which a device's failed
		// callback and a wake-up event pending (pm_wakeup_pending(): -EBUSY, no device line) both do
		if (m[4]) return 'Suspend aborted: a device failed to suspend or a wake-up event came in';
		// usb_port_suspend: also printed when a device is put to sleep to save power (autosuspend)
		if (m[7]) return m[6] ? `USB device ${m[6]} failed to suspend` : 'Device failed to suspend';
		return m[1] ? `Device ${m[1]} failed to ${m[2]}` : `A device failed to ${m[2]}`;
	},
	details: (m) => ({
		device: m[1] ?? m[6] ?? null,
		phase: m[2] ?? (m[5] ? 'freeze' : m[9] ? `${m[9]} suspend` : 'suspend'),
		error: m[3] || m[8] ? errnoName(m[3] ?? m[8]) : null
	}),
	severityOf: (m) =>
		m[2] === 'resume' ? 'high' : m[7] || m[4] || m[9] || m[10] ? 'low' : 'medium',
	explanationOf: (m) => (m[4] || m[9] || m[10] ? SUSPEND_ABORTED : undefined),
	/*
	 * usb_port_suspend() fails when the device is already gone from the bus: crash-logs
	 * log20221215.txt, a ThinkPad's internal Intel Bluetooth (8087:0a2b) dropping off at boot,
	 * `xhci_hcd 0000:00:14.0: USB core suspending port 1-7 not in U0/U1/U2`,
	 * `usb 1-7: USB disconnect, device number 3`, `usb 1-7: Failed to suspend device, error -32`.
	 */
	context: {
		trigger: 'USB disconnect',
		pattern: /^usb (\S+): USB disconnect, device number \d+/,
		details: (m) => ({ device: m[1], disconnected: true }),
		within: 5,
		sameDevice: true,
		when: (m) => m[7] !== undefined,
		examples: ['usb 1-7: USB disconnect, device number 3'],
		outcome: {
			title: (m) => `USB device ${m[6] ?? ''} failed to suspend as it was disconnected`,
			severity: 'info',
			explanation: {
				meaning:
					'The USB core was putting the device to sleep (autosuspend) just as it disappeared from the bus, so the suspend failed. The failure is a consequence of the disconnect, not a power-management bug: the device was unplugged, switched off (a laptop’s internal Bluetooth or WWAN module powered down by rfkill, the BIOS or its driver), or left the bus to come back after loading its firmware.',
				causes: [
					{
						kind: 'environment',
						text: 'The device was unplugged, or an internal module was turned off (rfkill, a BIOS setting, a driver reset).'
					},
					{
						kind: 'hardware',
						text: 'A device that drops off the bus by itself (a loose cable or connector, a failing device): then the disconnects repeat.'
					}
				],
				next_steps: [
					'Nothing to do if the device was unplugged or disabled on purpose; `lsusb` shows whether it came back.',
					'If it keeps disconnecting and reconnecting, see the USB disconnect finding for that port (cable, hub, power).'
				],
				references: ['https://docs.kernel.org/driver-api/usb/power-management.html']
			}
		}
	},
	examples: [
		'usb 1-7: Failed to suspend device, error -32',
		'PM: Device 0000:00:14.0 failed to suspend async: error -16',
		'PM: Some devices failed to suspend, or early wake event detected',
		'Freezing of tasks failed after 20.008 seconds (1 tasks refusing to freeze, wq_busy=0):',
		'PM: Device 1-1 failed to resume async: error -19',
		'PM: failed to suspend async: error -16',
		// kernel/power/suspend.c suspend_enter() (pr_fmt `PM: `; 3.x printk with `PM: `)
		'PM: late suspend of devices failed',
		'PM: noirq suspend of devices failed',
		// kernel/power/hibernate.c create_image()
		'PM: Some devices failed to power down, aborting'
	],
	negatives: [
		'PM: suspend entry (deep)',
		'PM: suspend exit',
		'ata8: failed to resume link (SControl 0)',
		'PM: late suspend of devices complete after 1.234 msecs',
		'PM: noirq suspend of devices complete after 0.812 msecs'
	],
	explanation: {
		meaning:
			'Suspend (sleep) or resume did not complete: a device driver refused to suspend, tasks could not be frozen, or a device failed to come back after resume. The machine stayed awake, woke up at once, or a device stopped working after resume.',
		causes: [
			{
				kind: 'driver',
				text: 'A driver that fails its suspend/resume callback (named in the line or in the `dpm_run_callback` line before).'
			},
			{
				kind: 'userspace',
				text: 'A process stuck in uninterruptible I/O (often on a network filesystem) blocks freezing.'
			},
			{ kind: 'firmware', text: 'BIOS sleep-state bugs (S3/s2idle), wake events from devices.' }
		],
		next_steps: [
			'Find the device and driver named (`lspci -s`, `/sys/bus/*/devices/<name>/driver`) and update the kernel/firmware.',
			'Debug with `echo 1 > /sys/power/pm_debug_messages` (the log then names each device as it suspends); `echo devices > /sys/power/pm_test` makes the next suspend stop after the devices and resume 5 s later, a test only: `echo none > /sys/power/pm_test` afterwards. Compare s2idle and deep in `/sys/power/mem_sleep`.',
			'Unloading the driver before suspend (a systemd sleep hook) is a common workaround.'
		],
		references: [
			'https://docs.kernel.org/power/basic-pm-debugging.html',
			'https://docs.kernel.org/power/freezing-of-tasks.html'
		]
	}
};

const WATCHDOG_REFS = ['https://docs.kernel.org/watchdog/watchdog-api.html'];

/**
 * Hardware watchdog resets (`imx2-wdt 20bc000.wdog: Last reset was caused by watchdog`) and
 * watchdogs left running: drivers/watchdog/watchdog_dev.c watchdog_release() prints `watchdog:
 * watchdog0: watchdog did not stop!` when the last user closes /dev/watchdog without stopping it
 * (a watchdog daemon killed at shutdown, nowayout).
 */
export const watchdogReset: LineRule = {
	id: 'power.watchdog-reset',
	category: 'power',
	severity: 'medium',
	triggers: ['by watchdog', 'by the watchdog', 'Watchdog reset detected', 'watchdog did not stop'],
	pattern:
		/^(?:([\w-]+) ([\w.:-]+): |watchdog: (?:\w+: )?)?((?:[Ll]ast )?(?:system )?reset (?:was )?caused by (?:the )?watchdog|rebooted by watchdog|reset by watchdog|Watchdog reset detected|watchdog did not stop!?)/,
	title: (m) =>
		m[3].includes('did not stop')
			? 'Watchdog left running at shutdown'
			: 'Previous reset was caused by a watchdog',
	details: (m) => ({ driver: m[1] ?? null, device: m[2] || null, event: m[3] }),
	severityOf: (m) => (m[3].includes('did not stop') ? 'info' : 'high'),
	/*
	 * A watchdog left running fires when the shutdown outlasts its timeout. hpwdt (HPE ProLiant
	 * iLO) panics from its pretimeout NMI: `Kernel panic - not syncing: 02: An NMI occurred.
	 * Depending on your system…` (older kernels: `An NMI occurred, please see the Integrated
	 * Management Log for details.`), the pretimeout panic governor (pretimeout_panic.c)
	 * with `watchdog pretimeout event`. Real log: wdmd (sanlock) killed at 6060181 s, the
	 * watchdog not stopped, the NMI panic 51 s later, as swaps were being deactivated.
	 */
	resolve: {
		trigger: 'Kernel panic - not syncing: ',
		pattern:
			/^Kernel panic - not syncing: (?:[0-9A-Fa-f]{2}: )?(?:An NMI occurred[.,]|watchdog pretimeout event)/,
		within: 2000,
		// hpwdt panics on any NMI it cannot place: only one soon after the shutdown is this one
		// (the cascade window, analysis/cascades.ts)
		withinSeconds: 300,
		when: (m) => m[3].includes('did not stop'),
		title: () => 'Watchdog left running at shutdown fired and panicked the machine',
		severity: 'medium',
		examples: [
			'Kernel panic - not syncing: 02: An NMI occurred. Depending on your system the reason for the NMI is logged in any one of the following resources:',
			'Kernel panic - not syncing: An NMI occurred, please see the Integrated Management Log for details.',
			'Kernel panic - not syncing: watchdog pretimeout event'
		],
		explanation: {
			meaning:
				'At shutdown the hardware watchdog was left running (the program that kept it alive, such as wdmd, watchdog or systemd, was stopped without disarming it), and the shutdown then took longer than the watchdog’s timeout. The watchdog fired: its pretimeout NMI (HPE iLO hpwdt: "An NMI occurred") or its pretimeout governor panicked the kernel before the shutdown finished. The panic after it is this watchdog, not a kernel bug: the machine went down through a panic (and kdump, if loaded) instead of a clean power-off or reboot.',
			causes: [
				{
					kind: 'userspace',
					text: 'The watchdog daemon (wdmd of sanlock, watchdog, a cluster fencing agent) was killed at shutdown without stopping the watchdog (no magic close, or nowayout set).'
				},
				{
					kind: 'environment',
					text: 'A shutdown step that stalled longer than the timeout (an unreachable NFS server, deactivating swap, unmounting a busy filesystem).'
				},
				{
					kind: 'configuration',
					text: 'A watchdog timeout shorter than a normal shutdown, or systemd’s RebootWatchdogSec/ShutdownWatchdogSec set shorter than the shutdown needs.'
				}
			],
			next_steps: [
				'Find the shutdown step that was still running when it fired (the lines just before the panic) and fix or shorten it (NFS mounts with `soft`/`_netdev`, unmount order).',
				'Stop the watchdog daemon cleanly before the final shutdown, or raise the timeout: `wdctl` shows it; set systemd `RebootWatchdogSec=` (or `ShutdownWatchdogSec=`) to cover the whole shutdown.',
				'On HPE servers check the iLO Integrated Management Log (IML) for the ASR/NMI entry at that time.'
			],
			references: WATCHDOG_REFS
		}
	},
	examples: [
		'watchdog: watchdog0: watchdog did not stop!',
		'imx2-wdt 20bc000.wdog: Last reset was caused by watchdog',
		'sunxi-wdt 1c20ca0.watchdog: Watchdog reset detected'
	],
	negatives: ['iTCO_wdt iTCO_wdt: initialized. heartbeat=30 sec (nowayout=0)'],
	explanation: {
		meaning:
			'A hardware watchdog is a timer that reboots the machine if the system stops responding. A reset caused by it means the previous run hung (kernel lockup or stuck userspace) and was forcibly restarted, except on boards whose kernel reboots the machine through the watchdog (several ARM systems-on-chip), where an ordinary `reboot` may be reported the same way: check how the previous boot ended. "did not stop" at shutdown means the watchdog was left armed while the system shut down: harmless when the shutdown ends before its timeout.',
		causes: [
			{
				kind: 'kernel',
				text: 'A hard lockup or hang in the previous boot (check its log for lockups or hung tasks).'
			},
			{
				kind: 'userspace',
				text: 'The watchdog daemon (or systemd RuntimeWatchdogSec) stopped petting it.'
			},
			{ kind: 'hardware', text: 'Power or hardware faults that freeze the machine.' }
		],
		next_steps: [
			'Read the previous boot’s log (`journalctl -k -b -1`) or pstore (`/sys/fs/pstore`) for what happened before the reset.',
			'Check the watchdog configuration: `wdctl`, systemd `RuntimeWatchdogSec=`.'
		],
		references: WATCHDOG_REFS
	}
};

/** Signs that the previous boot ended without a clean shutdown (crash, power loss, hard reset). */
export const uncleanShutdown: LineRule = {
	id: 'power.unclean-shutdown',
	category: 'power',
	severity: 'low',
	triggers: [
		'recovery complete',
		'Starting recovery',
		'uncleanly shut down',
		'start tree-log replay'
	],
	pattern:
		/^(?:EXT[34]-fs \(([\w!.:-]+)\): (recovery complete)|XFS \(([\w!.:-]+)\): (Starting recovery)|systemd-journald\[\d+\]: File \S+ (corrupted or uncleanly shut down)|BTRFS info \(device ([\w!.:-]+)\): (start tree-log replay))/,
	title: () => 'Previous shutdown was not clean',
	// ext4 says first when the journal is replayed at a read-only mount (fs/ext4/super.c
	// ext4_load_journal()): the root filesystem before its remount, or on Android a partition it
	// never writes (androidOutcome)
	context: {
		trigger: 'recovery required on readonly filesystem',
		pattern: /^EXT[34]-fs \(([\w!.:-]+)\): INFO: recovery required on readonly filesystem$/,
		details: (m) => ({ device: m[1], read_only_mount: true }),
		within: 10,
		sameDevice: true,
		when: (m) => m[2] !== undefined,
		// clamor-s-files-grate-txt.log line 379 (a Tegra tablet's mainline kernel)
		examples: ['EXT4-fs (sda2): INFO: recovery required on readonly filesystem']
	},
	androidOutcome: {
		// one partition, one boot: a journal Android's user space could have left dirty (`/data`,
		// `/cache`, mounted read-write) or one replayed at several boots is an unclean shutdown
		when: (d, count) =>
			d.read_only_mount === true &&
			count === 1 &&
			(!Array.isArray(d.devices) || d.devices.length <= 1),
		title:
			'Journal replayed on a read-only partition: most likely an image flashed with a dirty journal',
		severity: 'info',
		explanation: {
			meaning:
				'At this boot ext4 replayed the journal of a partition that Android mounts read-only (`recovery required on readonly filesystem`, then `recovery complete`): system, vendor, odm or product. Android never writes those partitions in normal use, so a journal there that needed replaying was most likely not left by how the previous boot ended: it was in the image as it was built or flashed (an image made from a filesystem still mounted, or a flash cut short), or the partition had been made writable on a development build (`adb remount`) and the device then went down without unmounting it. The kernel replayed it and the partition mounted normally.',
			causes: [
				{
					kind: 'configuration',
					text: 'A factory, update or custom-ROM image whose filesystem was captured or flashed with its journal not yet written back (common in vendor images).'
				},
				{
					kind: 'userspace',
					text: 'The partition was remounted read-write on a development build (`adb remount`, verity disabled) and the device was then reset or lost power.'
				}
			],
			next_steps: [
				'Nothing to do if it happened once, at the first boot after flashing or updating: the replay left the partition consistent, and the next boots mount it clean.',
				'If it comes back at every boot, something writes the partition: check for `adb remount` or a root tool on a development build, and reflash the vendor’s image; the previous boot’s kernel log (`/sys/fs/pstore/console-ramoops-0`, older kernels `/proc/last_kmsg`, as root through `adb shell`) tells whether that boot ended in a crash.'
			],
			references: ['https://source.android.com/docs/core/ota/dynamic_partitions/implement']
		}
	},
	collect: { device: 'devices' },
	// the journal files and filesystems one shutdown left to recover: one occurrence per boot
	perBoot: true,
	details: (m) => ({
		device: m[1] ?? m[3] ?? m[6] ?? null,
		evidence: m[2]
			? 'ext4 journal replayed'
			: m[4]
				? 'XFS log replayed'
				: m[7]
					? 'btrfs log tree replayed'
					: 'systemd journal file not closed'
	}),
	examples: [
		'EXT4-fs (sda2): recovery complete',
		'XFS (dm-0): Starting recovery (logdev: internal)',
		'BTRFS info (device dm-0): start tree-log replay',
		'systemd-journald[312]: File /var/log/journal/0123456789abcdef0123456789abcdef/system.journal corrupted or uncleanly shut down, renaming and replacing.'
	],
	negatives: ['EXT4-fs (sda2): mounted filesystem with ordered data mode. Opts: (null)'],
	explanation: {
		meaning:
			'A filesystem journal had to be replayed (or the systemd journal was left open) at this boot: the previous run ended without a clean shutdown — a crash, a freeze followed by a hard reset, or power loss. Look at the previous boot’s log for why.',
		causes: [
			{
				kind: 'kernel',
				text: 'A kernel crash or hang in the previous boot (panic, lockup, watchdog reset).'
			},
			{ kind: 'environment', text: 'Power loss, a held power button, or a battery that ran flat.' },
			{
				kind: 'hardware',
				text: 'Hardware that resets the machine (overheating, power supply, memory).'
			}
		],
		next_steps: [
			'Read the end of the previous boot: `journalctl -k -b -1 -n 200`, and pstore dumps in `/sys/fs/pstore` or `/var/lib/systemd/pstore`; on Android and other phones without journald, the previous boot’s kernel log is `/sys/fs/pstore/console-ramoops-0` (older kernels: `/proc/last_kmsg`), readable as root through `adb shell`.',
			'`last -x shutdown reboot` shows whether the machine went down cleanly.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/pstore-blk.html',
			'https://man7.org/linux/man-pages/man1/journalctl.1.html'
		]
	}
};
