import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';
import { errnoName } from './util.ts';

/** errors that say the device did not answer (rather than that it is absent or unsupported) */
const NOT_ANSWERING = new Set([5, 71, 110, 121]);

/**
 * Drivers of old ISA watchdog boards (single-board computers of Acquire, Advantech, IB700) that
 * register a platform device of their own name at fixed I/O ports and then probe it, whether or
 * not such a board is there (drivers/watchdog/acquirewdt.c, advantechwdt.c, ib700wdt.c:
 * `platform_device_register_simple(DRV_NAME, -1, …)`); the probe fails with -EIO when
 * `request_region` finds the ports taken (`acquirewdt: I/O address 0x0043 already in use`, 0x43
 * being the PC timer's: lkp-calltrace-dmesg-006, a test VM whose kernel has every driver), -EBUSY
 * when another watchdog has the watchdog's minor. The other blind ISA probes (sbc60xxwdt,
 * sc1200wdt, pc87413_wdt, wdt, the i8xx TCO, parport_pc, floppy) print their own line and no
 * probe failure, and are no finding.
 */
const LEGACY_ISA = new Set(['acquirewdt', 'advantechwdt', 'ib700wdt']);

/** what a match says: the driver, the device and the error (see probeFailed's pattern) */
interface Probe {
	driver: string;
	device: string;
	kind: 'no-answer' | 'gadget' | 'positive' | 'init' | 'legacy' | 'other';
	error: string;
}

function probeOf(m: RegExpExecArray): Probe {
	if (m[4] !== undefined) {
		const wiring = m[6].startsWith('Cannot');
		return {
			driver: m[4],
			device: m[5],
			kind: 'no-answer',
			error: wiring
				? 'no answer: chip not found (wrong wiring?)'
				: 'no answer: did not enter configuration mode after reset'
		};
	}
	if (m[7] !== undefined)
		return { driver: m[7], device: m[8], kind: 'gadget', error: errnoName(m[9]) };
	if (m[10] !== undefined)
		return {
			driver: m[10],
			device: m[11],
			kind: 'init',
			error: 'chip initialisation failed (the error is in the lines before)'
		};
	const n = Number(m[3]);
	// probe() returns 0 or a negative errno: a positive value is the driver's own bug (a byte
	// count or status code returned as if it were an error); the driver core fails the device
	if (n > 0)
		return {
			driver: m[1],
			device: m[2],
			kind: 'positive',
			error: `${n} (not an error code: the driver returned a positive value)`
		};
	// a legacy ISA driver's own device: probed blindly, most machines have no such board
	if (LEGACY_ISA.has(m[1]) && m[2] === m[1])
		return { driver: m[1], device: m[2], kind: 'legacy', error: errnoName(m[3]) };
	return {
		driver: m[1],
		device: m[2],
		kind: NOT_ANSWERING.has(-n) ? 'no-answer' : 'other',
		error: errnoName(m[3])
	};
}

const LEGACY_ISA_PROBE: Explanation = {
	meaning:
		'A driver for the watchdog of an old ISA single-board computer (Acquire, Advantech, IB700 industrial boards) did not find its hardware. Such drivers cannot ask the machine what it has: they register a device at the fixed I/O ports the board would use and try to claim them, so on a machine without that board the probe fails (often because the ports belong to something else: `I/O address 0x0043 already in use` is the PC timer’s). Nothing is broken; the driver was loaded or built in without the board, typically by a kernel built with every driver (a test or random configuration) or a module loaded by hand.',
	causes: [
		{
			kind: 'configuration',
			text: 'The driver is built into the kernel or loaded although the machine has no such board (a kernel with all watchdog drivers enabled, a test build, a script loading every watchdog module).'
		},
		{
			kind: 'hardware',
			text: 'On a machine that does have the board: a different I/O port set by its jumpers than the driver’s default (its `io=`/`wdt_start=` module options), or ports taken by another device.'
		}
	],
	next_steps: [
		'If the machine has no such board, nothing needs doing; to silence it, do not load the module (`modprobe -r <driver>`, a `blacklist <driver>` line in `/etc/modprobe.d/`) or leave it out of the kernel configuration.',
		'If it has the board, read the driver’s own line just before (the port it wanted) and set the port the board is jumpered to with the module’s options (`modinfo <driver>`); `cat /proc/ioports` shows who holds the ports.'
	],
	references: ['https://docs.kernel.org/watchdog/watchdog-parameters.html']
};

/**
 * drivers/base/dd.c call_driver_probe: `rtw_8821cs: probe of mmc3:0001:1 failed with error -110`;
 * the reasons drivers print themselves when the driver core prints nothing (-ENODEV) or before
 * it: mcp251x CAN controllers (drivers/net/can/spi/mcp251x.c) `mcp251x spi0.5: MCP251x didn't
 * enter in conf mode after reset`, `Cannot initialize MCP2515. Wrong wiring?`; a USB gadget
 * driver that cannot bind to its device controller (drivers/usb/gadget/udc/core.c)
 * `g_multi ci_hdrc.0: failed to start g_multi: -22`; a vendor sensor driver whose chip set-up
 * failed, after which its probe returns an error the driver core does not print (NVIDIA's Tegra
 * isl29028 light and proximity sensor: `isl29028 2-0044: isl29028_chip_init(): fails`, after
 * `Write to device reg 14 fails status ffffff87`, -EREMOTEIO, on an ASUS TF201: tf201log).
 */
export const probeFailed: LineRule = {
	id: 'hardware.driver-probe-failed',
	category: 'hardware',
	severity: 'info',
	triggers: [
		' failed with error ',
		"MCP251x didn't enter in conf mode",
		'Cannot initialize MCP',
		': failed to start ',
		'_chip_init(): fails'
	],
	pattern:
		/^([\w.-]+): probe of (\S+) failed with error (-?\d+)|^(mcp251x) (spi\S+): (MCP251x didn't enter in conf mode after reset|Cannot initialize MCP\w+\. Wrong wiring\?)$|^(g_[\w-]+|configfs-gadget[\w.-]*) (\S+): failed to start [\w.-]+: (-\d+)$|^(\w+) (\S+): \w+_chip_init\(\): fails$/,
	// one finding per driver and kind of failure (a driver may fail on dozens of devices); the
	// first device is in the details
	title: (m) => {
		const p = probeOf(m);
		if (p.kind === 'gadget') return `USB gadget ${p.driver} could not start`;
		if (p.kind === 'positive') return `Driver ${p.driver} could not start its device: driver bug`;
		if (p.kind === 'no-answer') return `Driver ${p.driver} could not start its device: no answer`;
		if (p.kind === 'init')
			return `Driver ${p.driver} could not start its device: chip not initialised`;
		if (p.kind === 'legacy') return `Legacy ISA driver ${p.driver} found no board (probed blindly)`;
		return `Driver ${p.driver} could not start its device`;
	},
	details: (m) => {
		const p = probeOf(m);
		return { driver: p.driver, device: p.device, error: p.error };
	},
	collect: { device: 'devices', error: 'errors' },
	// a device that does not answer (timeout, I/O error) or whose chip set-up failed (its driver's
	// own message after the register writes that failed) is worth a look, and so are a USB gadget
	// (the board's USB device port) that does not start and a driver that fails by its own bug (a
	// plugged-in display adapter, or a second display controller without a panel: which one is
	// needed the message does not tell); most other errors are drivers probing hardware the board
	// does not have; so is a legacy ISA driver probing ports where the machine has no board
	severityOf: (m) => {
		const kind = probeOf(m).kind;
		return kind === 'other' || kind === 'legacy' ? 'info' : 'low';
	},
	explanationOf: (m) => (probeOf(m).kind === 'legacy' ? LEGACY_ISA_PROBE : undefined),
	// newer mcp251x drivers fail the probe after their own message: the driver core's line for the
	// same device is the same failure
	follow: [
		{
			trigger: ' failed with error ',
			pattern: /^(?<driver>mcp251x): probe of (?<device>spi\S+) failed with error (-\d+)$/,
			details: (m) => ({ probe_error: errnoName(m[3]) }),
			within: 3,
			claims: true,
			examples: ['mcp251x: probe of spi0.5 failed with error -16']
		}
	],
	examples: [
		'rtw_8821cs: probe of mmc3:0001:1 failed with error -110',
		'ucsi_acpi: probe of USBC000:00 failed with error -5',
		'sdhci-pltfm: probe of fe310000.mmc failed with error -22',
		"mcp251x spi0.5: MCP251x didn't enter in conf mode after reset",
		'mcp251x spi0.0: Cannot initialize MCP2515. Wrong wiring?',
		'g_multi ci_hdrc.0: failed to start g_multi: -22',
		'ms912x: probe of 1-1:1.3 failed with error 8',
		'isl29028 2-0044: isl29028_chip_init(): fails',
		// lkp-calltrace-dmesg-006.log line 255, after `acquirewdt: I/O address 0x0043 already in use`
		'acquirewdt: probe of acquirewdt failed with error -5',
		'advantechwdt: probe of advantechwdt failed with error -16'
	],
	negatives: [
		'usb 1-1: device descriptor read/64, error -110',
		'mcp251x spi0.0: probed',
		'ath10k_pci 0000:02:00.0: failed to start core: -110'
	],
	explanation: {
		meaning:
			'A driver found its device but could not initialise it, so that device does not work in this boot (a Wi-Fi chip, a sensor, a CAN controller, a USB display adapter, the USB gadget of a board’s device port). A timeout or I/O error, or a chip that does not react to its reset, means the device did not answer; an error that is a positive number (`error 8`) is not an error code at all but a bug in the driver, which failed a device that may work; other errors usually mean the driver does not support this board or the firmware describes hardware that is not there.',
		causes: [
			{
				kind: 'hardware',
				text: 'A device that is powered off, faulty or badly connected (timeouts, I/O errors, a CAN controller whose SPI wiring or oscillator is wrong).'
			},
			{
				kind: 'firmware',
				text: 'Device tree or ACPI tables describing hardware the board does not have, or a missing firmware file (look for a "firmware" line just before).'
			},
			{
				kind: 'driver',
				text: 'A driver that does not support this revision of the device, or a driver bug (a positive error value: often an out-of-tree driver returning a byte count as if it were an error).'
			},
			{
				kind: 'configuration',
				text: 'A USB gadget whose functions the device controller cannot provide (too few endpoints) or whose options (module parameters, configfs) are incomplete.'
			}
		],
		next_steps: [
			'Look at the lines just before it for the driver’s own reason (firmware download, register read failures).',
			'Check whether the device works: `dmesg | grep <driver>`, `lsmod`, the device’s entry under `/sys/bus/*/devices/`.',
			'For a positive error value, update the driver or report the bug to its author (out-of-tree drivers are rebuilt with `dkms`); the hardware is probably fine.',
			'For a chip that does not answer on SPI or I2C, check its power, wiring, clock and the device-tree node (`spi-max-frequency`, oscillator frequency).',
			'Update the kernel and firmware package; if the device is not needed, the message is harmless.'
		],
		references: [
			'https://docs.kernel.org/driver-api/driver-model/driver.html',
			'https://docs.kernel.org/usb/gadget_multi.html'
		]
	}
};
