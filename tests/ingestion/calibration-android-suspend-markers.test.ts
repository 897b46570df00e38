/**
 * Android kernels print the wall clock at each suspend's entry and exit, `PM: suspend entry
 * 2018-02-10 01:51:45.756292225 UTC` (pm_suspend_marker: UTC, to the nanosecond, read right before
 * the line is printed). They are calibration anchors (the tracker's pmAnchor): the entry's for the
 * segment it ends, the exit's for the one it starts, as the markers already split the boot. The
 * log had no calibration. Lines are a real LG phone's dmesg
 * (logcat-reports-panel-dark-dmesg-txt.log in the real corpus: lines 187, 188, 240, 241, 245, 260,
 * 288, 368, 369, 437).
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

const LINES = [
	'[ 6969.442020] <4>[ 6969.442020 / 02-10 03:51:44.044][2] dhd_get_suspend_bcn_li_dtim beacon=100 bcn_li_dtim=3 DTIM=1 Listen=10',
	'[ 6971.147933] <6>[ 6971.147933 / 02-10 03:51:45.752][0] PM: suspend entry 2018-02-10 01:51:45.756292225 UTC',
	'[ 6971.278915] <6>[ 6971.278915 / 02-10 03:51:45.880][0] PM: suspend exit 2018-02-10 01:51:45.887275923 UTC',
	'[ 6971.279117] <6>[ 6971.279117 / 02-10 03:51:45.884][2] [LGE][MMC][mmc_rescan        ( ) START!] mmc1',
	'[ 6976.496952] <6>[ 6976.496952 / 02-10 03:51:51.100][0] PM: suspend entry 2018-02-10 01:51:51.105312275 UTC',
	'[ 6976.585559] <6>[ 6976.585559 / 02-10 03:51:51.188][1] PM: suspend exit 2018-02-10 01:51:51.193928733 UTC',
	'[ 6981.738399] <6>[ 6981.738399 / 02-10 03:51:56.344][0] PM: suspend entry 2018-02-10 01:51:56.346761596 UTC',
	'[ 6982.228222] <6>[ 6982.228222 / 02-10 03:52:26.681][3] PM: suspend exit 2018-02-10 01:52:26.684121167 UTC',
	'[ 6982.329455] <6>[ 6982.329455 / 02-10 03:52:26.785][3] PM: suspend entry 2018-02-10 01:52:26.785361480 UTC',
	'[ 6982.686594] <6>[ 6982.686594 / 02-10 03:54:11.540][2] PM: suspend exit 2018-02-10 01:54:11.547270659 UTC'
];

/** the marker's wall time less its kernel time (ms) */
function offset(line: string): number {
	const ts = Number(/^\[ *([\d.]+)\]/.exec(line)?.[1]);
	const m = / (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)\.(\d{9}) UTC$/.exec(line);
	if (m === null) throw new Error(line);
	return Date.parse(`${m[1]}T${m[2]}Z`) + Number(m[3]) / 1e6 - ts * 1000;
}

describe('Android’s suspend markers with the wall time', () => {
	const run = ingestText(LINES.join('\n') + '\n');
	const cal = run.summary.metadata.calibration;

	it('anchor each segment of the boot, to the millisecond', () => {
		expect(cal.map((c) => c.source)).toEqual([
			'anchors from suspend marker; segment 0 from boot to 6971.148 s (suspend)',
			'anchors from suspend marker; segment 1 from 6971.279 s (after a resume) to 6976.497 s (suspend)',
			'anchors from suspend marker; segment 2 from 6976.586 s (after a resume) to 6981.738 s (suspend)',
			'anchors from suspend marker; segment 3 from 6982.228 s (after a resume) to 6982.329 s (suspend)',
			'anchors from suspend marker; segment 4 from 6982.687 s (after a resume)'
		]);
		// each segment's largest offset (the least delayed reading): entry and exit agree within
		// a millisecond when the clock did not stop long
		const o = LINES.filter((l) => l.endsWith(' UTC')).map(offset);
		expect(cal.map((c) => c.offset_ms)).toEqual([
			Math.round(o[0]),
			Math.round(Math.max(o[1], o[2])),
			Math.round(Math.max(o[3], o[4])),
			Math.round(Math.max(o[5], o[6])),
			Math.round(o[7])
		]);
		expect(cal.map((c) => c.uncertainty_ms)).toEqual([1, 1, 1, 1, 1]);
		// the clock stopped 30 s in the third suspend and 104 s in the fourth
		expect(Math.round((cal[3].offset_ms - cal[2].offset_ms) / 1000)).toBe(30);
		expect(Math.round((cal[4].offset_ms - cal[3].offset_ms) / 1000)).toBe(104);
	});

	it('date a kernel time by its own segment', () => {
		expect(run.summary.wallClock(0, 6971.279117)).toBe(6971279.117 + cal[1].offset_ms);
		expect(new Date(run.summary.wallClock(0, 6982.3) as number).toISOString()).toBe(
			'2018-02-10T01:52:26.756Z'
		);
	});

	it('give no boot start to an excerpt (a suspend before its first line goes unseen)', () => {
		expect(run.summary.metadata.boots.map((b) => b.started_at)).toEqual([null]);
		// from the boot's banner on, the first segment starts at the boot (an invented banner)
		const banner =
			'[    0.000000] <5>[    0.000000 / 02-10 01:55:00.000][0] Linux version 3.10.108';
		const whole = ingestText([banner, ...LINES].join('\n') + '\n').summary.metadata;
		expect(whole.boots.map((b) => b.started_at)).toEqual([
			new Date(whole.calibration[0].offset_ms).toISOString()
		]);
	});

	it('are not anchors without the time (`PM: suspend entry (deep)`)', () => {
		const plain = ingestText(
			['[ 2663.668355] PM: suspend entry (deep)', '[ 2668.156574] PM: suspend exit'].join('\n') +
				'\n'
		);
		expect(plain.summary.metadata.calibration).toEqual([]);
	});
});
