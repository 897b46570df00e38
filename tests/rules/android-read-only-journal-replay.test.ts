/**
 * A journal replayed at a read-only mount on an Android device (a partition Android never writes:
 * system, vendor, odm) was most likely left dirty in the image as flashed: info, not an unclean
 * shutdown. The same lines elsewhere (a Raspberry Pi's root filesystem, mounted read-only before
 * its remount), or beside a second replay, stay the unclean shutdown they are.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// logcat-reports-dmesg-txt.log lines 55-62 and 231 (a Huawei phone, 4.9 vendor kernel): `/odm`
const ODM_REPLAY = [
	'[   14.702789] [pid:1,cpu6,init]EXT4-fs (sdd57): INFO: recovery required on readonly filesystem',
	'[   14.702789] [pid:1,cpu6,init]EXT4-fs (sdd57): write access will be enabled during recovery',
	'[   14.704620] [pid:114,cpu6,kworker/u16:1][I/sensorhub] set ps cfg to mcu success\\x0a',
	'[   14.704650] [pid:114,cpu6,kworker/u16:1][I/sensorhub] send_parameter_to_mcu g_iom3_state = 0,tag =26 ,cmd =2',
	'[   14.712158] [pid:1,cpu6,init]EXT4-fs (sdd57): recovery complete',
	'[   14.713287] [pid:1,cpu7,init]EXT4-fs (sdd57): mounted filesystem with ordered data mode. Opts: barrier=1',
	'[   14.713348] [pid:1,cpu7,init]init: [libfs_mgr]__mount(source=/dev/block/by-name/odm,target=/odm,type=ext4)=0: Success'
];
const ANDROID_LINE =
	"[   15.592864] [pid:1,cpu7,init]init: Forked subcontext for 'u:r:vendor_init:s0' with pid 386";

const replays = async (lines: string[]) =>
	(await findingsOf(lines))
		.filter((f) => f.rule === 'power.unclean-shutdown')
		.map((f) => [f.title, f.severity, f.count]);

describe('an ext4 journal replayed at a read-only mount', () => {
	it('on an Android device is an image flashed with a dirty journal, info (had been an unclean shutdown)', async () => {
		const f = (await findingsOf([...ODM_REPLAY, ANDROID_LINE])).find(
			(x) => x.rule === 'power.unclean-shutdown'
		)!;
		expect([f.title, f.severity, f.details.read_only_mount, f.details.device]).toEqual([
			'Journal replayed on a read-only partition: most likely an image flashed with a dirty journal',
			'info',
			true,
			'sdd57'
		]);
		expect(f.explanation.meaning).toMatch(/Android mounts read-only/);
		expect(f.explanation.next_steps.join(' ')).not.toMatch(/journalctl|last -x/);
	});

	it('elsewhere is still the previous shutdown that was not clean (a Pi’s root filesystem)', async () => {
		expect(await replays(ODM_REPLAY)).toEqual([['Previous shutdown was not clean', 'low', 1]]);
	});

	it('on Android beside a read-write partition’s replay is an unclean shutdown', async () => {
		const data = [
			'[   16.100000] EXT4-fs (sda21): recovery complete',
			'[   16.100100] EXT4-fs (sda21): mounted filesystem with ordered data mode. Opts: errors=panic'
		];
		expect(await replays([...ODM_REPLAY, ...data, ANDROID_LINE])).toEqual([
			['Previous shutdown was not clean', 'low', 1]
		]);
	});

	it('on Android without the read-only line before it is an unclean shutdown', async () => {
		expect(await replays([...ODM_REPLAY.slice(1), ANDROID_LINE])).toEqual([
			['Previous shutdown was not clean', 'low', 1]
		]);
	});
});
