/**
 * The uncertainty a calibration states covers the clock's small steps (the tracker's finish). A
 * ChromeOS syslog's microsecond prefixes had stated ±1 ms for a boot whose clock was stepped:
 * its smallest offsets (wall - kernel time, the least delayed receipt) came from 8-12 s into the
 * boot, when the clock ran 0.25 s behind the one its audit records read at 1-2 s (an audit time
 * is the event's, before its print: it cannot be after a prefix of the same clock), and 2.4 s
 * behind the clock from 25 s on (the boot's last prefixes, received within microseconds). The
 * uncertainty now takes in how much later than the smallest offset the boot's audit records and
 * last anchors read the clock. Lines are a real ChromeOS `/var/log/messages`
 * (syslogs-messages-3.log in the real corpus: lines 1082 and 1144, the kernel lines of 1700-1840
 * and 1950-2296 that name no MAC address; the audit records are cut after their pid).
 */
import { CHROMEOS_CLOCK_BEHIND } from '../support/excerpts.ts';
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

const LINES = [
	'2026-05-18T17:59:47.301427Z NOTICE kernel: [    0.980942] audit: type=1404 audit(1779127185.875:2): enforcing=1 old_enforcing=0 auid=4294967295 ses=4294967295 enabled=1 old-enabled=1 lsm=selinux res=1',
	'2026-05-18T17:59:47.301640Z NOTICE kernel: [    2.191793] audit: type=1400 audit(1779127187.086:5): avc:  granted  { execute } for  pid=457',
	...CHROMEOS_CLOCK_BEHIND,
	"2026-05-18T18:00:12.900690Z WARNING kernel: [   25.834485] warning: `chrome' uses wireless extensions which will stop working for Wi-Fi 7 hardware; use nl80211",
	'2026-05-18T18:00:23.346706Z INFO kernel: [   36.280991] EXT4-fs (dm-23): mounted filesystem 2fe82781-2ed3-4fd8-9169-5f7077d07c16 r/w with ordered data mode. Quota mode: journalled.',
	'2026-05-18T18:00:23.375734Z INFO kernel: [   36.309667] EXT4-fs (dm-25): mounted filesystem 3b9501bc-d318-4453-a6fa-8dad3dc2ae98 r/w with ordered data mode. Quota mode: journalled.',
	'2026-05-18T18:00:24.254685Z INFO kernel: [   37.188377] fuse: cros-disks: init connection, mounts: 0:237 (fuse.fusebox)',
	'2026-05-18T18:00:24.267959Z INFO kernel: [   37.201798] fuse: cros-disks: init connection, mounts: 0:238 (fuse.drivefs)',
	'2026-05-18T18:00:24.297832Z INFO kernel: [   37.232099] loop11: detected capacity change from 0 to 143360',
	'2026-05-18T18:00:24.704844Z INFO kernel: [   37.638416] device-mapper: verity: sha256 using implementation "sha256-ni"',
	'2026-05-18T18:00:26.743667Z INFO kernel: [   39.678045] loop12: detected capacity change from 0 to 188416',
	'2026-05-18T18:00:26.753681Z INFO kernel: [   39.687920] device-mapper: verity: sha256 using implementation "sha256-ni"',
	'2026-05-18T18:00:28.226741Z INFO kernel: [   41.161021] loop13: detected capacity change from 0 to 131072',
	'2026-05-18T18:00:28.233667Z INFO kernel: [   41.167909] device-mapper: verity: sha256 using implementation "sha256-ni"',
	'2026-05-18T18:00:53.064673Z DEBUG kernel: [   65.998591] gpio gpiochip0: Persistence not supported for GPIO 332',
	'2026-05-18T18:00:53.064694Z DEBUG kernel: [   65.998653] gpio gpiochip0: registered chardev handle for line 332',
	'2026-05-18T18:00:53.064696Z DEBUG kernel: [   65.998656] gpio gpiochip0: registered chardev handle for 1 lines',
	'2026-05-18T18:00:53.149675Z DEBUG kernel: [   66.083627] gpio gpiochip0: Persistence not supported for GPIO 332',
	'2026-05-18T18:00:53.149693Z DEBUG kernel: [   66.083673] gpio gpiochip0: registered chardev handle for line 332',
	'2026-05-18T18:00:53.149695Z DEBUG kernel: [   66.083676] gpio gpiochip0: registered chardev handle for 1 lines',
	'2026-05-18T18:01:36.426691Z ERR kernel: [  109.360795] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
	'2026-05-18T18:01:38.502699Z ERR kernel: [  111.436753] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
	'2026-05-18T18:01:42.382704Z INFO kernel: [  115.316785] wlan0: authenticated',
	'2026-05-18T18:01:42.384684Z WARNING kernel: [  115.319030] iwlwifi 0000:00:14.3: Unhandled alg: 0x707',
	'2026-05-18T18:01:43.001706Z INFO kernel: [  115.935253] wlan0: authenticated',
	'2026-05-18T18:01:43.037676Z INFO kernel: [  115.971871] wlan0: associated',
	'2026-05-18T18:02:51.666712Z ERR kernel: [  184.600517] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
	'2026-05-18T18:02:53.766688Z ERR kernel: [  186.701199] iwlwifi 0000:00:14.3: Not associated and the session protection is over already...',
	'2026-05-18T18:02:56.988685Z INFO kernel: [  189.922465] wlan0: authenticated',
	'2026-05-18T18:02:57.012693Z INFO kernel: [  189.946707] wlan0: associated'
];
const AUDITS = LINES.slice(0, 2);
/** 8-12 s: the clock 0.25 s behind the audit records' */
const EARLY = LINES.slice(2, 11);
/** 25 s on: the clock set 2.4 s forward */
const LATE = LINES.slice(11);

/** a line's prefix less its kernel time, and an audit record's time less it (ms) */
function offsets(line: string): { prefix: number; audit: number } {
	const m = /^(\S+) \S+ kernel: \[ *([\d.]+)\] (.*)$/.exec(line);
	if (m === null) throw new Error(line);
	const ts = Number(m[2]) * 1000;
	const a = /audit\((\d+\.\d+):/.exec(m[3]);
	// Date.parse keeps milliseconds: the prefix's microseconds are added to its whole second
	const frac = /\.(\d+)Z$/.exec(m[1]);
	const wall = Date.parse(m[1].replace(/\.\d+Z$/, 'Z')) + Number(`0.${frac?.[1] ?? '0'}`) * 1000;
	return { prefix: wall - ts, audit: a === null ? NaN : Number(a[1]) * 1000 - ts };
}

function calibration(lines: string[]) {
	const cal = ingestText(lines.join('\n') + '\n').summary.metadata.calibration;
	expect(cal.length).toBe(1);
	return cal[0];
}

describe('a boot whose clock was stepped by less than a clock step', () => {
	it('states the step forward after its smallest offsets', () => {
		const c = calibration([...EARLY, ...LATE]);
		const early = Math.min(...EARLY.map((l) => offsets(l).prefix));
		const late = Math.min(...LATE.slice(-16).map((l) => offsets(l).prefix));
		expect(late - early).toBeGreaterThan(2400);
		expect(c.offset_ms).toBe(Math.round(early + 0.5));
		// both clocks lie within the stated uncertainty (it had been ±1 ms)
		expect(c.offset_ms + c.uncertainty_ms).toBeGreaterThanOrEqual(late);
		expect(c.uncertainty_ms).toBeLessThan(late - early + 10);
	});

	it('states how far its audit records read the clock later', () => {
		const c = calibration([...AUDITS, ...EARLY]);
		const audit = Math.max(...AUDITS.map((l) => offsets(l).audit));
		expect(audit - c.offset_ms).toBeGreaterThan(240);
		expect(c.offset_ms + c.uncertainty_ms).toBeGreaterThanOrEqual(audit);
		expect(c.uncertainty_ms).toBeLessThan(audit - c.offset_ms + 10);
	});

	it('states no step where the clock held (either stretch alone)', () => {
		expect(calibration(EARLY).uncertainty_ms).toBe(1);
		expect(calibration(LATE).uncertainty_ms).toBe(1);
	});
});
