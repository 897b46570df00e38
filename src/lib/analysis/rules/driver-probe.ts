import type { LineRule } from './types.ts';
import { errnoName } from './util.ts';

/** errors that say the device did not answer (rather than that it is absent or unsupported) */
const NOT_ANSWERING = new Set([5, 71, 110, 121]);

function notAnswering(m: RegExpExecArray): boolean {
	return NOT_ANSWERING.has(Math.abs(Number(m[3])));
}

/** drivers/base/dd.c call_driver_probe: `rtw_8821cs: probe of mmc3:0001:1 failed with error -110` */
export const probeFailed: LineRule = {
	id: 'hardware.driver-probe-failed',
	category: 'hardware',
	severity: 'info',
	triggers: [' failed with error '],
	pattern: /^([\w.-]+): probe of (\S+) failed with error (-?\d+)/,
	// one finding per driver and kind of failure (a driver may fail on dozens of devices); the
	// first device is in the details
	title: (m) =>
		notAnswering(m)
			? `Driver ${m[1]} could not start its device: no answer`
			: `Driver ${m[1]} could not start its device`,
	details: (m) => ({ driver: m[1], device: m[2], error: errnoName(m[3]) }),
	collect: { device: 'devices', error: 'errors' },
	// a device that does not answer (timeout, I/O error) is worth a look; most other errors are
	// drivers probing hardware the board does not have
	severityOf: (m) => (notAnswering(m) ? 'low' : 'info'),
	examples: [
		'rtw_8821cs: probe of mmc3:0001:1 failed with error -110',
		'ucsi_acpi: probe of USBC000:00 failed with error -5',
		'sdhci-pltfm: probe of fe310000.mmc failed with error -22'
	],
	negatives: ['usb 1-1: device descriptor read/64, error -110'],
	explanation: {
		meaning:
			'A driver found its device but could not initialise it, so that device does not work in this boot (a Wi-Fi chip, a sensor, a controller). A timeout or I/O error means the device did not answer; other errors usually mean the driver does not support this board or the firmware describes hardware that is not there.',
		causes: [
			{
				kind: 'hardware',
				text: 'A device that is powered off, faulty or badly connected (timeouts, I/O errors).'
			},
			{
				kind: 'firmware',
				text: 'Device tree or ACPI tables describing hardware the board does not have, or a missing firmware file (look for a "firmware" line just before).'
			},
			{ kind: 'driver', text: 'A driver that does not support this revision of the device.' }
		],
		next_steps: [
			'Look at the lines just before it for the driver’s own reason (firmware download, register read failures).',
			'Check whether the device works: `dmesg | grep <driver>`, `lsmod`, the device’s entry under `/sys/bus/*/devices/`.',
			'Update the kernel and firmware package; if the device is not needed, the message is harmless.'
		],
		references: ['https://docs.kernel.org/driver-api/driver-model/driver.html']
	}
};
