/**
 * A USB device that left its port and was found again on it within 2 s was not unplugged: it
 * re-enumerated (reset itself, switched mode, or its port's power blinked). It had been "USB
 * disconnects on port …", whose explanation says "once is a normal unplug".
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

/**
 * m11x-hwinfo-m11x-dmesg-log.log (cmotc/m11x_hwinfo `M11x/dmesg.log`, no licence stated; an
 * Alienware M11x on Debian's 3.16), lines 1292-1295 and 1309-1312: its CSR Bluetooth adapter
 * gone and found again 0.8 s later as device 3, as the network was taken down before a suspend
 */
const M11X = [
	'[ 2661.192123] usb 3-2: USB disconnect, device number 2',
	'[ 2661.211027] IPv6: ADDRCONF(NETDEV_UP): eth0: link is not ready',
	'[ 2661.355111] wlan0: deauthenticating from 14:cc:20:e2:bd:ac by local choice (Reason: 3=DEAUTH_LEAVING)',
	'[ 2661.380768] IPv6: ADDRCONF(NETDEV_CHANGE): wlan0: link becomes ready',
	'[ 2661.996140] usb 3-2: new full-speed USB device number 3 using uhci_hcd',
	'[ 2662.163330] usb 3-2: New USB device found, idVendor=0a12, idProduct=0001',
	'[ 2662.163342] usb 3-2: New USB device strings: Mfr=0, Product=2, SerialNumber=0',
	'[ 2662.163348] usb 3-2: Product: CSR8510 A10'
];

/**
 * crash-logs-log12-11-txt.log (diapason-consulting/crash-logs `log12-11.txt`, no licence stated;
 * a ThinkPad X1 Carbon's journal on Arch's 6.0.11, no kernel times), lines 2442 and 2459-2460:
 * the fingerprint reader found again in the same second at resume; lines 2628-2630: a Microsoft
 * wireless receiver found again 4 s after it left
 */
const X1C_RESUME = [
	'Dec 11 12:00:03 peter-x1c kernel: usb 1-9: USB disconnect, device number 5',
	'Dec 11 12:00:03 peter-x1c kernel: usb 1-9: new full-speed USB device number 6 using xhci_hcd',
	'Dec 11 12:00:03 peter-x1c tlp[83094]: Error: tlp.service is not enabled, power saving will not apply on boot.'
];
const X1C_REPLUG = [
	'Dec 11 12:01:40 peter-x1c kernel: usb 1-1: USB disconnect, device number 2',
	'Dec 11 12:01:44 peter-x1c kernel: usb 1-1: new full-speed USB device number 7 using xhci_hcd',
	'Dec 11 12:01:44 peter-x1c kernel: usb 1-1: New USB device found, idVendor=045e, idProduct=07b2, bcdDevice= 7.04'
];

/**
 * log-files-dmesg-log.log (jchjian/log_files `dmesg.log`, no licence stated; a Tegra 3 tablet's
 * Android kernel), lines 620, 687-689 and 727: its Icera modem found again 0.4 s after it left,
 * between wl12xx's missing calibration file and its module that failed to load
 */
const TEGRA = [
	'<3>[    9.138261] wl12xx: ERROR could not get nvs file wl1271-nvs.bin: -2',
	'<6>[   14.666253] usb 1-1: USB disconnect, device number 2',
	'<6>[   14.685710] Remove device 2 <Icera Icera Datacard>',
	'<6>[   15.086654] usb 1-1: new high speed USB device number 3 using tegra-ehci',
	'<4>[   22.971019] wl12xx_sdio: Unknown symbol wl1271_register_hw (err 0)'
];

const disconnects = async (lines: string[]) =>
	(await findingsOf(lines)).filter((f) => f.rule === 'usb.disconnect');

describe('a USB device found again on its port at once', () => {
	it('is a re-enumeration, not an unplug: info, both lines, the new device number (M11x)', async () => {
		const [f, ...rest] = await disconnects(M11X);
		expect(rest).toEqual([]);
		expect([f.title, f.severity, f.details.port, f.details.device_number_after]).toEqual([
			'USB device on port 3-2 dropped off and came back at once (re-enumerated)',
			'info',
			'3-2',
			3
		]);
		expect(f.evidence.map((e) => e.line)).toEqual([1, 5]);
		const words = `${f.explanation.meaning} ${f.explanation.next_steps.join(' ')}`;
		expect(words).toContain('it was not unplugged');
		expect(words).not.toContain('Once is a normal unplug');
	});

	it('stays a disconnect when the port’s device comes back more than 2 s later', async () => {
		const [f] = await disconnects(
			M11X.map((l) => l.replace('[ 2661.996140] usb 3-2: new', '[ 2663.996140] usb 3-2: new'))
		);
		expect(f.title).toBe('USB disconnects on port 3-2');
		expect(f.explanation.meaning).toContain('Once is a normal unplug');
	});

	it('stays a disconnect when another port’s device is found', async () => {
		const [f] = await disconnects(M11X.map((l) => l.replace('usb 3-2: new', 'usb 3-1: new')));
		expect(f.title).toBe('USB disconnects on port 3-2');
	});

	it('reads a journal’s wall times when the kernel’s are missing (X1 Carbon)', async () => {
		const [back] = await disconnects(X1C_RESUME);
		expect(back.title).toBe(
			'USB device on port 1-9 dropped off and came back at once (re-enumerated)'
		);
		// 4 s by the journal's clock: a receiver unplugged and plugged in again
		const [replug] = await disconnects(X1C_REPLUG);
		expect(replug.title).toBe('USB disconnects on port 1-1');
	});

	it('is not linked to a finding whose lines only surround it (a Tegra tablet’s modem)', async () => {
		const f = await findingsOf(TEGRA);
		const modem = f.find((x) => x.rule === 'usb.disconnect')!;
		const wifi = f.find((x) => x.category === 'firmware')!;
		expect(modem.title).toBe(
			'USB device on port 1-1 dropped off and came back at once (re-enumerated)'
		);
		// the Wi-Fi finding runs from line 1 to line 5, around the modem's lines 2 and 4
		expect([wifi.first_line, wifi.last_line]).toEqual([1, 5]);
		expect(modem.related).toEqual([]);
		// the module that failed to load, whose line resolved it, is its only link
		expect(wifi.related.map((id) => f.find((x) => x.id === id)?.rule)).toEqual([
			'other.module-load-failed'
		]);
	});
});
