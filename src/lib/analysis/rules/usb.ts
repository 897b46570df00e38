import type { DetailValue, Explanation } from '../../models/finding.ts';
import type { LineRule, RuleContext, RuleOutcome } from './types.ts';
import { errnoName, errnoSymbolName } from './util.ts';

const USB_REFS = [
	'https://docs.kernel.org/driver-api/usb/error-codes.html',
	'https://docs.kernel.org/driver-api/usb/usb.html'
];

const usbExplanation = (meaning: string): Explanation => ({
	meaning,
	causes: [
		{
			kind: 'hardware',
			text: 'A faulty device, cable or hub, or a worn/dirty connector (error -71 is a signalling problem).'
		},
		{
			kind: 'environment',
			text: 'Not enough power: bus-powered hubs, long cables, power-hungry devices on one port.'
		},
		{
			kind: 'driver',
			text: 'USB autosuspend or a controller/driver bug that breaks the device after power saving.'
		}
	],
	next_steps: [
		'Try another cable and another port (directly on the computer, not through a hub); see `lsusb -t` for the topology.',
		'Use a powered hub for power-hungry devices; check `dmesg -w` while re-plugging.',
		'If it happens after idle/suspend, test with `usbcore.autosuspend=-1` on the kernel command line.'
	],
	references: USB_REFS
});

/** Port name as used by `usb 1-2:` lines: `usb3-port5` -> `3-5`, `1-1-port2` -> `1-1.2`. */
export function usbPortName(port: string): string {
	const i = port.lastIndexOf('-port');
	if (i < 0) return port;
	const hub = port.slice(0, i);
	const n = port.slice(i + 5);
	return hub.startsWith('usb') ? `${hub.slice(3)}-${n}` : `${hub}.${n}`;
}

/** drivers/usb/core/hub.c enumeration failures. */
export const usbEnumeration: LineRule = {
	id: 'usb.enumeration-failed',
	category: 'usb',
	severity: 'medium',
	triggers: [
		'device descriptor read',
		'not accepting address',
		'unable to enumerate',
		'Device not responding to setup address',
		"can't set config",
		'Maybe the USB cable is bad'
	],
	pattern:
		/^(?:usb ([\d.-]+): (?:(device descriptor read\/\w+), error (-\d+)|(device not accepting address) \d+, error (-\d+)|(Device not responding to setup address)|(can't set config) #\d+, error (-\d+))|usb (usb\d+-port\d+|[\d.-]+-port\d+): (unable to enumerate USB device|Cannot enable)(?:\. Maybe the USB cable is bad\?)?)/,
	title: (m) => `USB device on port ${m[1] ?? usbPortName(m[9])} failed to enumerate`,
	details: (m) => {
		const code = m[3] ?? m[5] ?? m[8];
		return {
			port: m[1] ?? usbPortName(m[9]),
			event: m[2] ?? m[4] ?? m[6] ?? m[7] ?? m[10],
			error: code ? errnoName(code) : null
		};
	},
	storm: { count: 20, severity: 'high' },
	examples: [
		'usb 2-1: device descriptor read/64, error -71',
		'usb 3-5: device not accepting address 5, error -71',
		'usb usb3-port5: unable to enumerate USB device',
		'usb 1-1.4: device descriptor read/all, error -110',
		// drivers/usb/core/hub.c hub_port_connect(): the port would not enable after the retries
		// (written from the kernel's format string)
		'usb usb2-port3: Cannot enable. Maybe the USB cable is bad?',
		'usb 1-1-port2: Cannot enable. Maybe the USB cable is bad?'
	],
	negatives: [
		'usb 2-1: new full-speed USB device number 12 using xhci_hcd',
		'usb 3-1.6: string descriptor 0 read error: -22',
		'usb usb2-port3: config error'
	],
	explanation: usbExplanation(
		'A USB device was plugged in (or reset) but the computer could not talk to it, so it does not work. -71 (EPROTO) and -110 (ETIMEDOUT) mean the device did not answer correctly: usually cable, port, power or the device itself.'
	)
};

// the lines a resume prints before and just after the devices are resumed (drivers/base/power,
// kernel/power, ACPI, xHCI): a controller that lost power in sleep has its devices reset; and the
// lines of a USB driver unregistered (drivers/usb/core/driver.c usb_deregister(): its module
// unloaded) and of a USB host controller removed (hcd.c usb_remove_hcd(), any controller's driver:
// `sw-ehci sw-ehci.2: remove, state 1`), after which a reset or a disconnect is theirs
const USB_CONTEXT: Omit<RuleContext, 'outcome'> = {
	trigger: [
		'resume of devices complete',
		'Low-level resume complete',
		'Waking up from system sleep state',
		'xHC error in resume',
		'Restarting tasks ...',
		'PM: suspend exit',
		'PM: Finishing wakeup',
		'root hub lost power or was reset',
		'usbcore: deregistering interface driver ',
		': remove, state '
	],
	pattern:
		/PM: (?:(?:early |noirq )?resume of devices complete|suspend exit|Finishing wakeup)|Low-level resume complete|Waking up from system sleep state S\d|xHC error in resume|Restarting tasks \.\.\.|root hub lost power or was reset|^usbcore: deregistering interface driver (\S+)|^\S+ (\S+): remove, state [0-9a-f]+$/,
	// the USB core's `root hub lost power` follows the line that says why (`xHC error in
	// resume … Reinit`): it adds to that line's facts (accumulate) and names no event itself; a
	// driver unloaded or a controller removed after a resume's lines is what the later lines are
	// about (after_resume false)
	details: (m): Record<string, DetailValue> =>
		m[1] !== undefined
			? { driver_unloaded: m[1], after_resume: false }
			: m[2] !== undefined
				? { host_controller_removed: m[2], after_resume: false }
				: m[0] === 'root hub lost power or was reset'
					? { after_resume: true }
					: { after_resume: true, resume_event: m[0] },
	accumulate: true,
	within: 60,
	// ms912x-docs-dmesg-1-txt.log: the adapter unplugged 57 s after ms912x was unloaded and
	// loaded again (17 lines) is not the unloading's; novo7elf's reset came 0.25 s after it
	withinSeconds: 30,
	examples: [
		// novo7elf dmesg (Allwinner A10 tablet, 3.0 kernel)
		'PM: early resume of devices complete after 0.259 msecs',
		'PM: resume of devices complete after 587.236 msecs',
		'PM: Finishing wakeup.',
		'Restarting tasks ... done.',
		// the USB core as a controller that lost power in sleep is resumed (novo7elf: the log
		// starts during a resume, 18 lines before the first reset)
		'usb usb2: root hub lost power or was reset',
		// crash-logs log12-04 (ThinkPad X1 Carbon)
		'ACPI: PM: Low-level resume complete',
		'ACPI: PM: Waking up from system sleep state S3',
		'xhci_hcd 0000:00:14.0: xHC error in resume, USBSTS 0x411, Reinit',
		'PM: suspend exit',
		// novo7elf: Android turning Wi-Fi off unloads rtl8192cu, whose removal resets its adapter,
		// then the tablet powers the adapter's USB controller down
		'usbcore: deregistering interface driver rtl8192cu',
		'sw-ehci sw-ehci.2: remove, state 1',
		// crash-logs log12-11: a Thunderbolt controller's xHCI gone
		'xhci_hcd 0000:3b:00.0: remove, state 1'
	]
};

/** a disconnect or reset after a driver was unloaded or a controller removed (USB_CONTEXT) */
const unloaded = (c: Record<string, DetailValue>): boolean =>
	c.after_resume !== true && typeof c.driver_unloaded === 'string';
const controllerGone = (c: Record<string, DetailValue>): boolean =>
	c.after_resume !== true && typeof c.host_controller_removed === 'string';

/** a USB device disconnected as the system resumed (USB_CONTEXT) */
const DISCONNECT_AT_RESUME: RuleOutcome = {
	title: (m) => `USB device on port ${m[1]} disconnected as the system resumed`,
	severity: 'info',
	explanation: {
		meaning:
			'A USB device on this port was disconnected while the system woke up from sleep (a few lines after the resume’s own messages) and was not found again on the port within 2 seconds. Either it was unplugged while the system slept, or the resume could not restore it: when the USB controller loses power in sleep (common on laptops), the kernel resets each device to bring it back ("reset-resume"), and a device that does not answer that reset, answers it as another device, or has USB persist turned off is disconnected. It is the resume’s doing, not a cable’s: many of them over many resumes are no sign of a failing port.',
		causes: [
			{
				kind: 'environment',
				text: 'The device was unplugged while the system slept.'
			},
			{
				kind: 'firmware',
				text: 'The platform cuts power to the USB controller in sleep (or the controller reported an error on resume and was re-initialised), and the device could not be restored after it.'
			}
		],
		next_steps: [
			'Nothing to do if the device was unplugged while the system slept, or if it is back after the resume (a device found again a few seconds later: `lsusb`).',
			'If a device that stayed plugged in is gone after every resume, re-plug it, check that USB persist is on for it (`cat /sys/bus/usb/devices/<port>/power/persist`: 1) and report it to its driver’s maintainers with this log.'
		],
		references: USB_REFS
	}
};

/**
 * a USB device disconnected as its host controller was removed (USB_CONTEXT): a Thunderbolt
 * controller gone (crash-logs log12-11), an Allwinner tablet's Wi-Fi adapter's controller powered
 * down as Wi-Fi was turned off (novo7elf)
 */
const DISCONNECT_CONTROLLER_REMOVED: RuleOutcome = {
	title: (m) => `USB device on port ${m[1]} disconnected as its host controller was removed`,
	severity: 'info',
	explanation: {
		meaning:
			'The USB host controller this device was on had just been removed from the system (its `remove, state` line before this one, `host_controller_removed`), and every device on its bus was disconnected with it: the device was neither unplugged nor failing. A controller is removed when a Thunderbolt or USB-C dock, or a laptop’s Thunderbolt controller, goes away, when its driver is unbound or unloaded, or when the platform powers down the controller of a built-in device it turns off: Allwinner tablets’ kernels power down the USB controller of their internal Wi-Fi adapter when Wi-Fi is turned off, right after its driver is unloaded (`driver_unloaded`, when the log shows it).',
		causes: [
			{
				kind: 'environment',
				text: 'A dock or a device with its own USB controller was unplugged, or the controller was unbound or powered down on purpose (Wi-Fi or a modem turned off, a driver unloaded).'
			}
		],
		next_steps: [
			'Nothing to do if the controller was meant to go (a dock unplugged, Wi-Fi turned off): its devices come back with it.',
			'If nothing was unplugged or turned off, the controller’s own lines just before (`HC died`, PCIe errors) say why it went.'
		],
		references: USB_REFS
	}
};

/** a USB device disconnected after a USB driver was unregistered (USB_CONTEXT) */
const DISCONNECT_AFTER_UNLOAD: RuleOutcome = {
	title: (m) => `USB device on port ${m[1]} disconnected after a USB driver was unloaded`,
	severity: 'info',
	explanation: {
		meaning:
			'The USB device on this port left the bus shortly after a USB driver was unregistered (`usbcore: deregistering interface driver …`, `driver_unloaded`: its module unloaded by `rmmod` or `modprobe -r`, or by the system turning a device off, as Android does with Wi-Fi). Unloading a driver leaves its device on the bus, so a disconnect right after it is the device powered off or reset with its driver (vendor drivers and boards’ power controls do so), not a cable or a failing device.',
		causes: [
			{
				kind: 'driver',
				text: 'The driver was unloaded on purpose, and the device was powered off or reset with it.'
			}
		],
		next_steps: [
			'Nothing to do if the driver was unloaded on purpose: the device comes back when the driver is loaded again or the feature turned back on.',
			'If nobody meant to unload it, find what did (a script, a power-management tool, a system’s switch for Wi-Fi or a modem).'
		],
		references: USB_REFS
	}
};

/** a USB device reset as the system resumed (USB_CONTEXT) */
const RESET_AT_RESUME: RuleOutcome = {
	title: (m) => `USB device resets after resume on port ${m[1]}`,
	severity: 'info',
	explanation: {
		meaning:
			'The kernel reset a USB device while the system woke up from sleep. This is routine: the USB controller (or the port) lost power during sleep, so the kernel resets each device it had to bring it back ("reset-resume"); it happens at every resume, so many resets of the same port over many resumes are no sign of a failing device.',
		causes: [
			{
				kind: 'firmware',
				text: 'The platform cuts power to the USB controller in suspend (common on laptops and ARM boards), or the controller reported an error on resume and was re-initialised.'
			}
		],
		next_steps: [
			'Nothing to do if the device works after resume.',
			'If a device does not come back after resume, re-plug it; if it never does, test with `usbcore.autosuspend=-1` or report it to the device driver with this log.'
		],
		references: USB_REFS
	}
};

/**
 * a USB device reset after a USB driver was unregistered (USB_CONTEXT): novo7elf's rtl8192cu
 * (Realtek's vendor driver) resets its adapter as it is removed (`usb attached..., try to reset usb
 * device`), 24 lines after `usbcore: deregistering interface driver rtl8192cu`
 */
const RESET_AT_UNLOAD: RuleOutcome = {
	title: (m) => `USB device reset on port ${m[1]} as a USB driver was unloaded`,
	severity: 'info',
	explanation: {
		meaning:
			'The kernel reset the USB device on this port just after a USB driver was unregistered (`usbcore: deregistering interface driver …`, `driver_unloaded`: its module unloaded by `rmmod` or `modprobe -r`, or by the system turning the device off, as Android does with Wi-Fi). Drivers reset their device as they let go of it (vendor Wi-Fi drivers do, to leave it in a known state for the next load), and the USB core resets a device whose driver asks for it on unbinding: the reset is part of the unloading and says nothing about the device, its cable or its power.',
		causes: [
			{
				kind: 'driver',
				text: 'The driver’s own reset of its device as it was unloaded.'
			}
		],
		next_steps: [
			'Nothing to do if the driver was unloaded on purpose.',
			'Only resets while the driver is loaded and the device in use point at the device, its cable or its power.'
		],
		references: USB_REFS
	}
};

/** a USB device re-enumerated as the system resumed (RuleResolve.afterContext) */
const RE_ENUMERATED_AT_RESUME: RuleOutcome = {
	title: (m) => `USB device on port ${m[1]} re-enumerated as the system resumed`,
	severity: 'info',
	explanation: {
		meaning:
			'As the system woke up from sleep, the USB device on this port was disconnected and found again on the same port at once, with a new device number. The USB controller had lost power or its state in sleep (common on laptops: its root hubs "lost power or was reset"), so the kernel had to reset each device to bring it back ("reset-resume"); a device that does not answer that reset as before, reports changed descriptors ("device firmware changed") or has USB persist turned off is disconnected and enumerated again as a new device. The resume explains it, not the cable, the port or the device’s health: it happens at every resume, so many of them on one port are no storm. Whatever used the device was cut and starts again with it (a program that held it open, such as fprintd for a fingerprint reader or a sound server for an audio interface, has to open it again).',
		causes: [
			{
				kind: 'firmware',
				text: 'The platform cuts power to the USB controller in sleep, or the controller reported an error on resume and was re-initialised (`xHC error in resume … Reinit`).'
			},
			{
				kind: 'hardware',
				text: 'A device that cannot be restored by a reset after the power loss (it answers as another device, or its firmware starts afresh), so the USB core enumerates it again.'
			}
		],
		next_steps: [
			'Nothing to do if the device works after resume (`lsusb` lists it).',
			'If a program loses the device at each resume (a fingerprint reader that works again only after fprintd restarts, an audio interface that stays silent), that program’s or the device driver’s handling of resume is the matter: report it there with this log. A new cable or port will not help.'
		],
		references: USB_REFS
	}
};

/** `usb 1-3: USB disconnect, device number 5` — routine once, a storm when a port keeps dropping. */
export const usbDisconnect: LineRule = {
	id: 'usb.disconnect',
	category: 'usb',
	severity: 'info',
	triggers: ['USB disconnect, '],
	pattern: /^usb ([\d.-]+): USB disconnect, (?:address|device number) (\d+)/,
	title: (m) => `USB disconnects on port ${m[1]}`,
	details: (m) => ({ port: m[1] }),
	// a disconnect as the system resumes is the resume's (the device could not be restored after
	// the controller lost power in sleep), at every resume: many are no flaky device's storm
	storm: { count: 5, severity: 'medium', unless: 'after_resume' },
	// the resume's lines just before it (crash-logs log12-04, log12-11, log20221215: a ThinkPad X1
	// Carbon's fingerprint reader on 1-9 disconnected 12 lines after `usb usb1: root hub lost power
	// or was reset`, found again 1 to 14 lines later, at every resume)
	context: {
		...USB_CONTEXT,
		outcome: (c) =>
			c.after_resume === true
				? DISCONNECT_AT_RESUME
				: controllerGone(c)
					? DISCONNECT_CONTROLLER_REMOVED
					: unloaded(c)
						? DISCONNECT_AFTER_UNLOAD
						: undefined
	},
	// the device found again on the same port at once (hub.c's `new <speed> USB device number N
	// using <hcd>`): it dropped off the bus and re-enumerated itself, it was not unplugged
	// (m11x-hwinfo-m11x-dmesg-log.log: a CSR8510 Bluetooth adapter on 3-2 found again 0.8 s and
	// 17 lines later as device 3, as NetworkManager took the network down before a suspend); a
	// person unplugging a device and plugging one in takes longer than 2 s
	resolve: {
		trigger: ' USB device number ',
		pattern:
			/^usb (?<device>[\d.-]+): new (?:(?:low|full|high|super|wireless)[ -]speed|\S+) USB device number (\d+) using \S+/,
		key: 'port',
		within: 200,
		withinSeconds: 2,
		wallClock: true,
		title: (m) => `USB device on port ${m[1]} dropped off and came back at once (re-enumerated)`,
		severity: 'info',
		details: (m) => ({ device_number_after: Number(m[2]) }),
		// found again at once as the system resumed (the rule's context): the resume could not
		// restore it and the USB core enumerated it again; the fingerprint reader of crash-logs'
		// X1 Carbon at each of its five resumes, its M-Audio M-Track after `device firmware changed`
		afterContext: (c) => (c.after_resume === true ? RE_ENUMERATED_AT_RESUME : undefined),
		examples: ['usb 1-3: new full-speed USB device number 3 using xhci_hcd'],
		explanation: {
			meaning:
				'The USB device on this port left the bus and was found again on the same port within 2 seconds, with a new device number: it was not unplugged (a person takes longer to unplug a device and plug one in) but re-enumerated, as when a device resets itself (its firmware restarted or crashed), switches mode (a modem or phone switching from its CD-ROM mode, a Bluetooth adapter turned off and on by rfkill or its driver), or its port’s power blinked. Whatever used the device was cut at that moment and starts again with it: a Bluetooth adapter’s connections, a serial port’s program, a disk’s mount (a mounted USB disk that drops off is not remounted by itself). Once, it is harmless if the device works afterwards.',
			causes: [
				{
					kind: 'hardware',
					text: 'The device reset itself or switched mode (its firmware, or a driver or rfkill turning it off and on).'
				},
				{
					kind: 'environment',
					text: 'A short power dip on the port (a bus-powered hub, a loose connector), or the platform re-enumerating the port around a power change.'
				}
			],
			next_steps: [
				'Nothing to do if the device works afterwards (`lsusb` lists it; the lines after the disconnect say what it is).',
				'If it drops off again and again (many of these on the port), it is unreliable: try another port, directly on the computer, and another cable; look for the device’s firmware update; for a disk, check its power (a powered hub, a Y-cable).'
			],
			references: USB_REFS
		}
	},
	examples: ['usb 1-3: USB disconnect, device number 5', 'usb 2-1.2: USB disconnect, address 4'],
	negatives: ['usb 1-3: new high-speed USB device number 5 using ehci-pci'],
	explanation: usbExplanation(
		'A USB device on this port went away. Once is a normal unplug; many disconnects of the same port (a storm) mean the device keeps dropping off and reconnecting.'
	)
};

/**
 * `usb 1-1: reset high-speed USB device number 2 using xhci_hcd`; kernels before 3.x spell the
 * speed `high speed` (and before 2.6.3x end `using ehci_hcd and address 2`).
 */
export const usbReset: LineRule = {
	id: 'usb.device-reset',
	category: 'usb',
	severity: 'info',
	triggers: [': reset '],
	pattern:
		/^usb ([\d.-]+): reset ((?:low|full|high|super|wireless) speed|\S+) USB device (?:number \d+ )?using (\S+)/,
	title: (m) => `USB device resets on port ${m[1]}`,
	details: (m) => ({ port: m[1], speed: m[2].replace(' ', '-'), controller: m[3] }),
	storm: { count: 10, severity: 'medium', unless: 'after_resume' },
	context: {
		...USB_CONTEXT,
		outcome: (c) =>
			c.after_resume === true ? RESET_AT_RESUME : unloaded(c) ? RESET_AT_UNLOAD : undefined
	},
	// r8152 resets its adapter as it binds to it (rtl8152_probe: usb_reset_device() before the
	// network device is made), then names the interface: raspberrypi3router-dmesg-txt.log's
	// RTL8153 (0.15 s and 4 lines before `r8152 1-1.4.3:1.0 eth1: v1.08.2`), intel-audio-dmesg-log.log's
	// (56 ms and 313 lines: its firmware requests and the other drivers' lines between)
	resolve: {
		trigger: 'r8152 ',
		pattern: /^r8152 (?<device>[\d.-]+):1\.\d+ \S+: v\d/,
		key: 'port',
		within: 500,
		withinSeconds: 2,
		title: (m) => `USB network adapter on port ${m[1]} reset by its driver (r8152) as it set it up`,
		severity: 'info',
		examples: ['r8152 1-1:1.0 eth1: v1.08.2'],
		explanation: {
			meaning:
				'The kernel reset the USB device on this port just before the r8152 driver (Realtek’s RTL8152, RTL8153 and RTL8156 USB Ethernet adapters, and docks built on them) named its network interface: r8152 resets the adapter itself each time it binds to it (`usb_reset_device()` in its probe), to start it from a known state. The reset is part of setting the adapter up, at every boot and every plug-in: it says nothing about the adapter, its cable or its power.',
			causes: [
				{
					kind: 'driver',
					text: 'The r8152 driver’s own reset of the adapter as it binds to it.'
				}
			],
			next_steps: [
				'Nothing to do: the adapter was set up right after it (the `r8152 … eth…: v…` line).',
				'Only resets of the port while the adapter is in use (with `Tx timeout` or links going down) would point at the adapter, its power or its cable.'
			],
			references: USB_REFS
		}
	},
	examples: [
		'usb 1-1: reset high-speed USB device number 2 using xhci_hcd',
		'usb 2-3: reset SuperSpeed USB device number 3 using xhci_hcd',
		// novo7elf dmesg (3.0 kernel)
		'usb 2-1: reset high speed USB device number 2 using sw-ehci',
		'usb 1-1: reset high speed USB device using ehci_hcd and address 2'
	],
	negatives: [
		'usb 1-1: new high-speed USB device number 2 using xhci_hcd',
		'usb 2-1: new high speed USB device number 2 using sw-ehci'
	],
	explanation: usbExplanation(
		'The kernel reset a USB device: after resume this is routine (the controller lost power); otherwise the device stopped responding. Many resets of one port mean the device or its link is unreliable.'
	)
};

/** hub.c: `usb usb1-port1: over-current condition`, older `hub 1-0:1.0: over-current condition on port 1` */
export const usbOverCurrent: LineRule = {
	id: 'usb.over-current',
	category: 'usb',
	severity: 'high',
	triggers: ['over-current condition'],
	pattern:
		/^(?:usb (\S+): over-current condition|hub ([\d.-]+):[\d.]+: over-current condition on port (\d+))/,
	title: (m) =>
		`USB over-current on port ${m[1] ? usbPortName(m[1]) : `${m[2].replace(/-0$/, '')}-${m[3]}`}`,
	details: (m) => ({ port: m[1] ? usbPortName(m[1]) : `${m[2].replace(/-0$/, '')}-${m[3]}` }),
	examples: [
		'usb usb1-port1: over-current condition',
		'hub 1-0:1.0: over-current condition on port 1'
	],
	negatives: ['usb usb1-port1: over-current change #1'],
	explanation: {
		meaning:
			'A USB port drew more current than allowed and its power was cut. The device on it stops working until re-plugged.',
		causes: [
			{
				kind: 'hardware',
				text: 'A short circuit or damaged device/cable, or a device drawing too much power.'
			},
			{
				kind: 'firmware',
				text: 'Some boards report false over-current on unused ports (BIOS bug).'
			}
		],
		next_steps: [
			'Unplug the device on that port and check it and its cable for damage.',
			'Use a powered hub for power-hungry devices; if no device is connected, update the BIOS.'
		],
		references: USB_REFS
	}
};

/**
 * drivers/usb/core/hcd.c usb_remove_hcd(): `xhci_hcd 0000:3b:00.0: remove, state 1`, a USB host
 * controller taken out of the system (its PCI device removed); `device` names it.
 */
export const HCD_REMOVED =
	/^(?:xhci_hcd|ehci[_-]pci|ohci[_-]pci|xhci-hcd) (?<device>\S+): remove, state [0-9a-f]+$/;
export const HCD_REMOVED_TRIGGER = ': remove, state ';

/** drivers/usb/host/xhci*.c: the host controller stopped responding. */
export const xhciDied: LineRule = {
	id: 'usb.host-controller-died',
	category: 'usb',
	severity: 'critical',
	triggers: ['HC died', 'Host halt failed', 'Host not halted after'],
	// `Host halt failed, -19` (ENODEV): the controller is already gone, after its removal
	pattern:
		/^(xhci_hcd|ehci[_-]pci|ohci[_-]pci|xhci-hcd) (\S+): (HC died; cleaning up|Host halt failed, (?:-(?!19\b))?\d+|Host not halted after \d+ microseconds)/,
	title: (m) => `USB host controller ${m[2]} died`,
	details: (m) => ({ device: m[2], driver: m[1], event: m[3] }),
	// usb_remove_hcd(): the controller's PCI device itself went away at once (a Thunderbolt/USB-C
	// dock unplugged, a Thunderbolt controller powering down after its last device left): the
	// driver's remove runs only when the device is removed (hot-unplug) or unbound; within 10 s,
	// so that an unbind by hand later to recover a dead controller does not count
	resolve: {
		trigger: HCD_REMOVED_TRIGGER,
		pattern: HCD_REMOVED,
		within: 20,
		withinSeconds: 10,
		title: (m) => `USB host controller ${m[2]} went away (hot-unplugged)`,
		severity: 'info',
		examples: ['xhci_hcd 0000:00:14.0: remove, state 1'],
		explanation: {
			meaning:
				'A USB host controller stopped answering and its PCI device was removed from the system at once: the controller was unplugged, not broken. This is what happens when a Thunderbolt or USB-C dock goes away, or a laptop’s Thunderbolt controller, which brings its own USB controller only while something is plugged into it, powers down after its last device is unplugged: the driver notices the controller gone ("HC died"), then it is removed, and the USB devices behind it disconnect with it. After an unplug it is harmless.',
			causes: [
				{
					kind: 'environment',
					text: 'A dock, USB-C device or Thunderbolt accessory with its own USB controller was unplugged or lost power.'
				},
				{
					kind: 'hardware',
					text: 'If nothing was unplugged: the controller, card or dock dropped off the PCIe bus (see PCIe link-down or AER errors before it), or a loose cable.'
				}
			],
			next_steps: [
				'If a dock or USB-C device was unplugged at that moment, nothing needs doing.',
				'If nothing was unplugged, look for PCIe errors just before it, then reseat or replace the dock’s cable, the dock or the card, and update the dock’s and the BIOS’s firmware.'
			],
			references: USB_REFS
		}
	},
	examples: [
		'xhci_hcd 0000:00:14.0: HC died; cleaning up',
		'ehci-pci 0000:00:1d.0: HC died; cleaning up',
		'xhci_hcd 0000:3b:00.0: Host halt failed, -110'
	],
	negatives: [
		'xhci_hcd 0000:00:14.0: xHCI Host Controller',
		// the line before HC died: one event, one count
		'xhci_hcd 0000:00:14.0: xHCI host controller not responding, assume dead',
		// ENODEV: printed once the controller has been removed
		'xhci_hcd 0000:3b:00.0: Host halt failed, -19'
	],
	explanation: {
		meaning:
			'A USB host controller stopped responding and was shut down: every USB device behind it (keyboard, mouse, disks, Wi-Fi dongles) disconnected at once and stays gone until reboot or a driver rebind.',
		causes: [
			{
				kind: 'hardware',
				text: 'A controller or add-in card failing, or a PCIe link problem (see AER errors before).'
			},
			{
				kind: 'driver',
				text: 'Controller firmware/driver bugs, often around suspend/resume or specific devices.'
			},
			{ kind: 'firmware', text: 'BIOS/IOMMU settings that break the controller’s DMA.' },
			{
				kind: 'environment',
				text: 'A controller inside a Thunderbolt/USB-C dock disappears this way when the dock is unplugged: then it is harmless.'
			}
		],
		next_steps: [
			'Note what was plugged in and happening at that moment (resume, a specific device).',
			'Update the kernel and BIOS; for add-in cards update the controller firmware.',
			'Recover without reboot: unbind and bind the controller with the PCI address from the message (`echo <address> > /sys/bus/pci/drivers/xhci_hcd/unbind`, then the same to `bind`), as root; save your work first, since every USB device on it reconnects.'
		],
		references: USB_REFS
	}
};

/**
 * drivers/usb/host/xhci.c xhci_resume(): the controller's status after resume shows it lost its
 * state (USBSTS 0x411: halted, port change, save/restore error), so it is re-initialised and
 * its root hubs and devices are reset, as after a power loss.
 */
export const xhciResumeReinit: LineRule = {
	id: 'usb.host-controller-reinit',
	category: 'usb',
	severity: 'info',
	routine: true,
	triggers: ['xHC error in resume'],
	pattern: /^(xhci_hcd|xhci-hcd) (\S+): xHC error in resume, USBSTS (0x[0-9a-f]+), Reinit/,
	title: (m) => `USB controller ${m[2]} re-initialised after resume`,
	details: (m) => ({ device: m[2], driver: m[1], usbsts: m[3] }),
	// usb_root_hub_lost_power() for each of its root hubs, right after: what this finding
	// explains, not a notice of its own (usb.root-hub-lost-power is for other controllers)
	follow: [
		{
			trigger: 'root hub lost power or was reset',
			pattern: /^usb (usb\d+): root hub lost power or was reset/,
			details: (m) => ({ root_hubs: [m[1]] }),
			within: 10,
			anywhere: true,
			claims: true,
			examples: ['usb usb1: root hub lost power or was reset']
		}
	],
	examples: [
		// crash-logs log20221215 (ThinkPad X1 Carbon, kernel 6.0)
		'xhci_hcd 0000:00:14.0: xHC error in resume, USBSTS 0x411, Reinit'
	],
	negatives: [
		'usb usb1: root hub lost power or was reset',
		'xhci_hcd 0000:00:14.0: xHCI Host Controller'
	],
	explanation: {
		meaning:
			'When the system woke up, the USB controller had lost its saved state (the platform cut its power in sleep, or restoring the state failed), so the kernel re-initialised it like at boot. Its root hubs report "lost power or was reset" and every USB device on it is reset or re-enumerated right after: those resets are a consequence, not a device fault. Common on laptops and harmless when the devices work after resume.',
		causes: [
			{
				kind: 'firmware',
				text: 'The BIOS powers the USB controller down in S3 sleep, or does not restore it on wake-up.'
			},
			{
				kind: 'driver',
				text: 'The controller failed to restore its state (save/restore error bit in USBSTS).'
			}
		],
		next_steps: [
			'Nothing to do if USB devices work after resume.',
			'If devices are lost after resume, update the BIOS and kernel; testing `mem_sleep_default=s2idle` (if the machine supports it) avoids the power loss.'
		],
		references: [...USB_REFS, 'https://docs.kernel.org/driver-api/usb/persist.html']
	}
};

/**
 * drivers/usb/typec/ucsi: `ucsi_acpi USBC000:00: PPM init failed (-110)` — the USB-C manager did
 * not start. Kernels 6.x print it through dev_err_probe(): `ucsi_acpi USBC000:00: error
 * -ETIMEDOUT: PPM init failed` (the error's name, not its number).
 */
export const ucsiFailed: LineRule = {
	id: 'usb.typec-manager-failed',
	category: 'usb',
	severity: 'low',
	triggers: ['PPM init failed'],
	pattern: /^(ucsi_\w+) (\S+): (?:error (-?[A-Z]\w*|-?\d+): )?PPM init failed(?: \((-?\d+)\))?/,
	title: (m) => `USB-C port manager ${m[2]} (UCSI) did not start`,
	details: (m) => ({
		driver: m[1],
		device: m[2],
		error: m[4]
			? errnoName(m[4])
			: m[3]
				? /\d/.test(m[3])
					? errnoName(m[3])
					: errnoSymbolName(m[3])
				: null
	}),
	examples: [
		'ucsi_acpi USBC000:00: PPM init failed (-110)',
		// dev_err_probe()'s `error %pe: ` (written from the kernel's format, 6.x)
		'ucsi_acpi USBC000:00: error -ETIMEDOUT: PPM init failed'
	],
	negatives: ['ucsi_acpi USBC000:00: failed to re-enable notifications (-110)'],
	explanation: {
		meaning:
			'The firmware’s USB-C port manager (UCSI, usually in the embedded controller) did not answer when the kernel started it. USB-C data usually still works, but the kernel cannot see or switch the ports’ roles and power: charging status, DisplayPort alternate mode and power-role changes may not be reported.',
		causes: [
			{
				kind: 'firmware',
				text: 'Embedded-controller or BIOS firmware whose UCSI interface is slow or broken (often fixed by a BIOS update).'
			},
			{ kind: 'driver', text: 'A UCSI driver timing problem with this firmware.' }
		],
		next_steps: [
			'Update the BIOS/EC firmware and the kernel.',
			'If USB-C charging or displays misbehave, check `/sys/class/typec/` for the ports; reloading the driver (`modprobe -r ucsi_acpi && modprobe ucsi_acpi`) sometimes helps.'
		],
		references: ['https://docs.kernel.org/driver-api/usb/typec.html']
	}
};

/**
 * drivers/usb/storage/uas.c uas_eh_abort_handler() via uas_log_cmd_state(): `sd 6:0:0:0: [sdb]
 * tag#5 uas_eh_abort_handler 0 uas-tag 6 inflight: CMD IN ` — the SCSI layer's timeout (30 s)
 * expired on a command sent to a USB disk driven by the UAS driver and the command was aborted;
 * `uas_eh_device_reset_handler start` and a `reset SuperSpeed USB device` follow. Kernels before
 * 4.x print no `tag#`; before the disk is named, no `[sdb]`.
 */
export const uasAbort: LineRule = {
	id: 'usb.uas-command-aborted',
	category: 'usb',
	severity: 'medium',
	triggers: ['uas_eh_abort_handler'],
	pattern:
		/^(?:sd|scsi) (\d+:\d+:\d+:\d+): (?:\[(\w+)\] )?(?:tag#\d+ )?uas_eh_abort_handler -?\d+ uas-tag \d+ inflight:((?: [\w-]+)*)/,
	title: (m) => `USB disk ${m[2] ?? m[1]} stopped answering: command aborted (UAS)`,
	details: (m) => ({
		device: m[2] ?? m[1],
		scsi_address: m[1],
		inflight: m[3].trim() || null
	}),
	storm: { count: 10, severity: 'high' },
	examples: [
		// written from the kernel's format string (uas_log_cmd_state)
		'sd 6:0:0:0: [sdb] tag#5 uas_eh_abort_handler 0 uas-tag 6 inflight: CMD IN ',
		'sd 2:0:0:0: [sda] tag#0 uas_eh_abort_handler 0 uas-tag 1 inflight: CMD OUT',
		'sd 0:0:0:0: [sda] uas_eh_abort_handler 0 uas-tag 1 inflight: CMD'
	],
	negatives: [
		'scsi host6: uas_eh_device_reset_handler start',
		'sd 6:0:0:0: [sdb] tag#5 uas_zap_pending 0 uas-tag 6 inflight: CMD '
	],
	explanation: {
		meaning:
			'A USB disk or USB stick driven by the UAS driver (USB Attached SCSI, the fast protocol of USB 3 enclosures) did not complete a command within the SCSI timeout (30 s by default), so the kernel aborted the command and then resets the device. Reads and writes stall meanwhile; if the reset does not help, I/O errors and a disconnect follow. Once after plugging in can be a slow drive spinning up; repeated aborts mean the enclosure or its link is not reliable.',
		causes: [
			{
				kind: 'hardware',
				text: 'A USB-SATA/NVMe bridge chip whose UAS firmware is buggy (several JMicron, ASMedia and Realtek bridges; many enclosures work only with the older usb-storage protocol).'
			},
			{
				kind: 'environment',
				text: 'Not enough power or a poor cable/port: a 2.5" disk or NVMe enclosure on a bus-powered hub or front-panel port.'
			},
			{
				kind: 'hardware',
				text: 'The drive itself failing (slow reads of bad sectors stall the bridge).'
			}
		],
		next_steps: [
			'Find the enclosure’s ID with `lsusb` (e.g. `152d:0578`) and try it without UAS: add `usb-storage.quirks=152d:0578:u` to the kernel command line (or `options usb-storage quirks=152d:0578:u` in /etc/modprobe.d/, then rebuild the initramfs) and re-plug; if the aborts stop, the bridge’s UAS support is broken.',
			'Use a port directly on the computer and a short cable; give the enclosure its own power if it has an input.',
			'Check the drive’s health with `smartctl -a -d sat /dev/sdX` (or `-d sntasmedia`/`-d sntjmicron` for NVMe enclosures).'
		],
		references: [
			'https://docs.kernel.org/admin-guide/kernel-parameters.html',
			'https://elixir.bootlin.com/linux/latest/source/drivers/usb/storage/uas.c'
		]
	}
};

/**
 * drivers/usb/typec/ucsi/ucsi_ccg.c ucsi_ccg_probe(): `ucsi_ccg 0-0008: ucsi_ccg_init failed -
 * -110` (after `i2c_transfer failed -110`). The Cypress CCGx USB-C controller is reached over an
 * I2C bus; almost always it is the one on an NVIDIA Turing graphics card (RTX 20xx, GTX 16xx:
 * the card's VirtualLink USB-C port, on the GPU's own I2C bus `nvidia-gpu 0000:01:00.3`), which
 * many cards announce without having the port. Written from the kernel's format strings.
 */
export const ucsiCcgFailed: LineRule = {
	id: 'usb.typec-ccg-failed',
	category: 'usb',
	severity: 'info',
	routine: true,
	triggers: ['ucsi_ccg_init failed'],
	pattern: /^ucsi_ccg (\S+): ucsi_ccg_init failed - (-?\d+)/,
	title: (m) => `USB-C controller ${m[1]} (ucsi_ccg, usually a graphics card's) did not start`,
	details: (m) => ({ device: m[1], error: errnoName(m[2]) }),
	examples: ['ucsi_ccg 0-0008: ucsi_ccg_init failed - -110'],
	negatives: ['ucsi_ccg 0-0008: i2c_transfer failed -110'],
	explanation: {
		meaning:
			'The driver for a Cypress CCGx USB-C controller could not talk to it over I2C, so that USB-C port is not managed. Nearly always this is the USB-C (VirtualLink) controller of an NVIDIA RTX 20xx / GTX 16xx graphics card: many of these cards announce it even when they have no USB-C port, or the port is not wired; then it is harmless. Graphics are not affected.',
		causes: [
			{
				kind: 'hardware',
				text: 'A graphics card that announces a USB-C controller it does not have or that is powered down.'
			},
			{
				kind: 'driver',
				text: 'The controller answers too slowly on the GPU’s I2C bus (the `nvidia-gpu … i2c timeout error` lines beside it).'
			}
		],
		next_steps: [
			'If the graphics card has no USB-C port, or you do not use it, ignore it; `blacklist ucsi_ccg` (and `i2c_nvidia_gpu`) in /etc/modprobe.d/ silences it.',
			'If you use the card’s USB-C port and it does not work, update the kernel and the graphics card’s firmware.'
		],
		references: ['https://docs.kernel.org/driver-api/usb/typec.html']
	}
};

/**
 * drivers/usb/core/hub.c port_event(): `usb usb1-port3: disabled by hub (EMI?), re-enabling...` —
 * the hub disabled a port with a device on it (the link broke: electrical interference, a cable
 * or the device itself), and the kernel re-enables it; the device disconnects and comes back.
 * Written from the kernel's format string.
 */
export const usbPortDisabledEmi: LineRule = {
	id: 'usb.port-disabled',
	category: 'usb',
	severity: 'low',
	triggers: ['disabled by hub (EMI?)'],
	pattern: /^usb (usb\d+-port\d+|[\d.-]+-port\d+): disabled by hub \(EMI\?\), re-enabling/,
	title: (m) => `USB port ${usbPortName(m[1])} disabled by the hub and re-enabled`,
	details: (m) => ({ port: usbPortName(m[1]) }),
	storm: { count: 10, severity: 'medium' },
	examples: [
		'usb usb1-port3: disabled by hub (EMI?), re-enabling...',
		'usb 1-1-port2: disabled by hub (EMI?), re-enabling...'
	],
	negatives: ['usb usb1-port3: attempt power cycle'],
	explanation: usbExplanation(
		'The hub (or the computer’s root hub) switched off the port of a working device because its link broke, and the kernel switched it back on: the device disconnects and reconnects (a USB disk interrupts its transfers, a keyboard or audio device drops out for a moment). "EMI" is the kernel’s guess: electrical interference, though a poor cable, connector or a device that resets itself is as common. Once is a glitch; repeats on one port mean the cable, port or device is unreliable.'
	)
};
