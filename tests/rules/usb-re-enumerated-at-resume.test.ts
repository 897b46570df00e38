/**
 * A USB device disconnected and found again on its port as the system resumes is the resume's
 * doing (the controller lost power in sleep and the device could not be restored), at every
 * resume: not a device that dropped off, and five resumes are no storm of a flaky cable.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

/**
 * crash-logs-log12-04-txt.log (diapason-consulting/crash-logs `log12-04.txt`, no licence stated;
 * a ThinkPad X1 Carbon's journal on Arch's 6.0, no kernel times), lines 2792-2825: the xHCI
 * controller re-initialised at resume, three devices reset, and the Synaptics fingerprint reader
 * (06cb:009a) on 1-9 disconnected and found again as device 6 in the same second
 */
const RESUME = [
	'Dec 04 23:20:32 peter-x1c kernel: ACPI: PM: Waking up from system sleep state S3',
	'Dec 04 23:20:32 peter-x1c kernel: ACPI: EC: interrupt unblocked',
	'Dec 04 23:20:32 peter-x1c kernel: ACPI: EC: event unblocked',
	'Dec 04 23:20:32 peter-x1c kernel: xhci_hcd 0000:00:14.0: xHC error in resume, USBSTS 0x411, Reinit',
	'Dec 04 23:20:32 peter-x1c kernel: usb usb1: root hub lost power or was reset',
	'Dec 04 23:20:32 peter-x1c kernel: usb usb2: root hub lost power or was reset',
	'Dec 04 23:20:32 peter-x1c kernel: i915 0000:00:02.0: [drm] [ENCODER:94:DDI A/PHY A] is disabled/in DSI mode with an ungated DDI clock, gate it',
	'Dec 04 23:20:32 peter-x1c kernel: i915 0000:00:02.0: [drm] [ENCODER:102:DDI B/PHY B] is disabled/in DSI mode with an ungated DDI clock, gate it',
	'Dec 04 23:20:32 peter-x1c kernel: i915 0000:00:02.0: [drm] [ENCODER:118:DDI C/PHY C] is disabled/in DSI mode with an ungated DDI clock, gate it',
	'Dec 04 23:20:32 peter-x1c kernel: nvme nvme0: Shutdown timeout set to 8 seconds',
	'Dec 04 23:20:32 peter-x1c kernel: nvme nvme0: 8/0/0 default/read/poll queues',
	'Dec 04 23:20:32 peter-x1c kernel: usb 1-8: reset high-speed USB device number 4 using xhci_hcd',
	'Dec 04 23:20:32 peter-x1c kernel: usb 2-3: reset SuperSpeed USB device number 2 using xhci_hcd',
	'Dec 04 23:20:32 peter-x1c kernel: usb 1-1: reset full-speed USB device number 2 using xhci_hcd',
	'Dec 04 23:20:32 peter-x1c kernel: OOM killer enabled.',
	'Dec 04 23:20:32 peter-x1c kernel: Restarting tasks ... ',
	'Dec 04 23:20:32 peter-x1c kernel: usb 1-9: USB disconnect, device number 5',
	'Dec 04 23:20:32 peter-x1c systemd-logind[670]: Lid opened.',
	'Dec 04 23:20:32 peter-x1c kernel: done.',
	'Dec 04 23:20:32 peter-x1c kernel: random: crng reseeded on system resumption',
	'Dec 04 23:20:32 peter-x1c ntpd[706]: Deleting interface #7 wlp2s0, 192.168.0.212#123, interface stats: received=72, sent=75, dropped=0, active_time=13948 secs',
	'Dec 04 23:20:32 peter-x1c ntpd[706]: 203.57.51.100 local addr 192.168.0.212 -> <null>',
	'Dec 04 23:20:32 peter-x1c ntpd[706]: 162.159.200.123 local addr 192.168.0.212 -> <null>',
	'Dec 04 23:20:32 peter-x1c ntpd[706]: 180.150.31.130 local addr 192.168.0.212 -> <null>',
	'Dec 04 23:20:32 peter-x1c ntpd[706]: Deleting interface #8 wlp2s0, 2403:5808:39a9:0:ddbf:a4f2:dc5:4be8#123, interface stats: received=25, sent=25, dropped=0, active_time=13948 secs',
	'Dec 04 23:20:32 peter-x1c ntpd[706]: 2404:9400:1:0:216:3eff:fef2:1a8a local addr 2403:5808:39a9:0:ddbf:a4f2:dc5:4be8 -> <null>',
	'Dec 04 23:20:32 peter-x1c ntpd[706]: Deleting interface #9 wlp2s0, fe80::24fc:3f95:a26:f17a%3#123, interface stats: received=0, sent=0, dropped=0, active_time=13948 secs',
	'Dec 04 23:20:32 peter-x1c kernel: thermal thermal_zone5: failed to read out thermal zone (-61)',
	'Dec 04 23:20:32 peter-x1c systemd-sleep[198484]: System returned from sleep state.',
	'Dec 04 23:20:32 peter-x1c kernel: PM: suspend exit',
	'Dec 04 23:20:32 peter-x1c kernel: usb 1-9: new full-speed USB device number 6 using xhci_hcd',
	'Dec 04 23:20:32 peter-x1c kernel: usb 1-9: New USB device found, idVendor=06cb, idProduct=009a, bcdDevice= 1.64',
	'Dec 04 23:20:32 peter-x1c kernel: usb 1-9: New USB device strings: Mfr=0, Product=0, SerialNumber=1',
	'Dec 04 23:20:32 peter-x1c kernel: usb 1-9: SerialNumber: b575a8800404'
];

/** the same resume `times` times, an hour apart, the reader's device numbers going up */
function resumes(times: number): string[] {
	const out: string[] = [];
	for (let k = 0; k < times; k++)
		for (const l of RESUME)
			out.push(
				l
					.replace('Dec 04 23:', `Dec 04 ${String(10 + k).padStart(2, '0')}:`)
					.replace('device number 5', `device number ${5 + k}`)
					.replace('USB device number 6', `USB device number ${6 + k}`)
			);
	return out;
}

const disconnects = async (lines: string[]) =>
	(await findingsOf(lines)).filter((f) => f.rule === 'usb.disconnect');

describe('a USB device re-enumerated as the system resumes', () => {
	it('says the resume re-enumerated it: info, both lines, the resume’s facts (X1 Carbon)', async () => {
		const [f, ...rest] = await disconnects(RESUME);
		expect(rest).toEqual([]);
		expect([f.title, f.severity, f.details.after_resume, f.details.device_number_after]).toEqual([
			'USB device on port 1-9 re-enumerated as the system resumed',
			'info',
			true,
			6
		]);
		expect(f.evidence.map((e) => e.line)).toEqual([17, 31]);
		const words = `${f.explanation.meaning} ${f.explanation.next_steps.join(' ')}`;
		expect(words).toContain('reset-resume');
		expect(words).toContain('A new cable or port will not help');
		expect(words).not.toContain('Once is a normal unplug');
	});

	it('is no storm after five resumes', async () => {
		const [f, ...rest] = await disconnects(resumes(5));
		expect(rest).toEqual([]);
		expect([f.title, f.count, f.severity]).toEqual([
			'USB device on port 1-9 re-enumerated as the system resumed',
			5,
			'info'
		]);
	});

	it('stays a storm when the same re-enumerations come without a resume', async () => {
		const noResume = resumes(5).filter((l) => !/kernel: (?!usb 1-9)/.test(l));
		const [f] = await disconnects(noResume);
		expect([f.title, f.count, f.severity]).toEqual([
			'USB device on port 1-9 dropped off and came back at once (re-enumerated)',
			5,
			'medium'
		]);
	});

	it('says a device not found again may have been unplugged in sleep', async () => {
		const [f] = await disconnects(RESUME.filter((l) => !l.includes('usb 1-9: new')));
		expect([f.title, f.severity, f.details.after_resume]).toEqual([
			'USB device on port 1-9 disconnected as the system resumed',
			'info',
			true
		]);
		expect(f.explanation.causes.map((c) => c.text).join(' ')).toContain(
			'unplugged while the system slept'
		);
	});
});
