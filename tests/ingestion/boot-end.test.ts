/**
 * A boot whose log stops in its first seconds while the log goes on past it (boot-end.ts): said in
 * input.warnings; an excerpt that just ends is not.
 */
import { describe, expect, it } from 'vitest';
import { bootEndNote, type BootEndFacts } from '../../src/lib/ingestion/boot-end.ts';
import { LKP71_PANIC } from '../support/excerpts.ts';
import { ingestText } from './helpers.ts';

const notes = (lines: string[]) =>
	ingestText(lines.join('\n') + '\n').summary.input.warnings.filter((w) =>
		w.startsWith('The log of boot')
	);

/**
 * linux-surface-pro-7-dump-actuallastbootlog-txt.log lines 1-2, 263, 569, 617-618 and 630-635
 * (journalctl -b -1 of a Surface Pro 7 whose boots hung, kernel 5.3; the builder's name in the
 * banner replaced): every line at 20:09:02, the last ones as journald started, while the
 * journal's header ends 12 minutes later
 */
const HEADER =
	'-- Logs begin at Thu 2019-10-31 04:57:54 EDT, end at Thu 2019-10-31 20:20:53 EDT. --';
const SURFACE = [
	'Oct 31 20:09:02 BlackLightSpeed kernel: Linux version 5.3.8-2-surface-ipts-test (builder@desktop) (gcc version 9.2.1 20190827 (Red Hat 9.2.1-1) (GCC)) #3 SMP PREEMPT Thu Oct 31 02:16:27 CET 2019',
	'Oct 31 20:09:02 BlackLightSpeed kernel: audit: type=2000 audit(1572566940.369:1): state=initialized audit_enabled=0 res=1',
	'Oct 31 20:09:02 BlackLightSpeed kernel: Run /init as init process',
	'Oct 31 20:09:02 BlackLightSpeed kernel: random: crng init done',
	'Oct 31 20:09:02 BlackLightSpeed systemd[1]: Successfully credited entropy passed from boot loader.',
	'Oct 31 20:09:02 BlackLightSpeed kernel: usb 3-8: New USB device found, idVendor=045e, idProduct=09c0, bcdDevice= 0.07',
	'Oct 31 20:09:02 BlackLightSpeed kernel: usb 3-8: Product: Surface Type Cover',
	'Oct 31 20:09:02 BlackLightSpeed kernel: EXT4-fs (nvme0n1p3): re-mounted. Opts: (null)',
	'Oct 31 20:09:02 BlackLightSpeed kernel: usb 4-6: new SuperSpeed Gen 1 USB device number 2 using xhci_hcd',
	'Oct 31 20:09:02 BlackLightSpeed kernel: audit: type=1130 audit(1572566942.463:2): pid=1 uid=0 auid=4294967295 ses=4294967295 msg=\'unit=systemd-journald comm="systemd" exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? res=success\''
];

describe('a boot that stops in its first seconds while the log goes on', () => {
	it('says so for a journal whose header ends long after the boot’s last line (had said nothing), in words true of whole seconds (had said "0 s after its first line")', () => {
		expect(notes([HEADER, ...SURFACE])).toEqual([
			'The log of boot 0 (lines 2-11) stops within a second of its first line, just after the kernel started user space, though the journal’s header says it goes on 12 min longer: the machine most likely stopped there (it hung, crashed without a report, was reset or lost power), or the log was cut there. What a machine prints as it hangs often never reaches the disk: a serial console (`console=ttyS0,115200`), netconsole or pstore keeps the kernel’s last messages; booting with `systemd.log_level=debug` (or without `quiet`) shows how far start-up got.'
		]);
	});

	it('says nothing of the same lines without the header: an excerpt looks the same', () => {
		expect(notes(SURFACE)).toEqual([]);
	});

	it('says nothing of a kernel-only journal (`journalctl -k`): a quiet boot looks the same', () => {
		expect(notes([HEADER, ...SURFACE.filter((l) => l.includes(' kernel: '))])).toEqual([]);
	});

	it('says nothing when the boot’s other lines go on (its services started)', () => {
		expect(
			notes([
				HEADER,
				...SURFACE,
				'Oct 31 20:09:40 BlackLightSpeed systemd[1]: Reached target Graphical Interface.'
			])
		).toEqual([]);
	});

	/** a dmesg of two boots (kernel/printk's `[ts]` times): a board reset 3 s into its boot */
	const boot = (lastLines: string[]) => [
		'[    0.000000] Linux version 6.6.63 (builder@host) (gcc 13.2.1) #1 SMP PREEMPT Wed Mar 12 09:04:00 CST 2025',
		'[    0.000000] Machine model: example board',
		'[    1.204512] mmc0: new high speed SDHC card at address aaaa',
		...lastLines
	];

	it('says so for a boot that a next boot follows 3 s in, before user space', () => {
		expect(
			notes([
				...boot(['[    3.215007] mmcblk0: mmc0:aaaa SC16G 14.8 GiB']),
				...boot(['[    2.500000] Run /sbin/init as init process', '[   45.000000] eth0: link up'])
			])
		).toEqual([
			expect.stringMatching(
				/^The log of boot 0 \(lines 1-4\) stops 3\.2 s after the kernel started, before the kernel started user space, and boot 1 follows: /
			)
		]);
	});

	it('says nothing of a boot that ended on purpose or in a panic, or went on for 30 s', () => {
		for (const last of [
			'[    5.100000] reboot: Restarting system',
			'[    4.000000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
			'[    4.000200] Rebooting in 10 seconds..',
			'[    4.000000] sysrq: Resetting',
			'[   30.000000] eth0: link up'
		])
			expect(notes([...boot([last]), ...boot(['[   45.000000] eth0: link up'])]), last).toEqual([]);
	});

	/**
	 * lkp-09.log lines 4-26 (kernel test robot, QEMU, 4.8.0-rc1): init dies and the kernel panics
	 * 7.5 s in; its log ends on `Kernel Offset: disabled`, before `---[ end Kernel panic`
	 */
	const LKP09_PANIC = [
		'[    7.493303] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b',
		'[    7.493303] ',
		'[    7.494301] CPU: 1 PID: 1 Comm: init Not tainted 4.8.0-rc1 #140',
		'[    7.495077] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
		'[    7.495077] Call Trace:',
		'[    7.495077]  [<ffffffff81259308>] dump_stack+0x82/0xb8',
		'[    7.495077]  [<ffffffff81151d6b>] panic+0xd8/0x20d',
		'[    7.495077]  [<ffffffff810c48d2>] do_exit+0x4a9/0x935',
		'[    7.495077]  [<ffffffff810c4dfd>] do_group_exit+0x73/0xb8',
		'[    7.495077]  [<ffffffff810cdaaa>] get_signal+0x4a0/0x4cc',
		'[    7.495077]  [<ffffffff81032957>] do_signal+0x23/0x58c',
		'[    7.495077]  [<ffffffff81000d3b>] prepare_exit_to_usermode+0x92/0xdb',
		'[    7.495077]  [<ffffffff81af6fb1>] retint_user+0x8/0x20',
		'[    7.495077] Kernel Offset: disabled'
	];
	/**
	 * lkp-71.log lines 1-9 (5.12.0-rc7, i386): a panic 0.3 s into the boot, the log cut inside
	 * its trace
	 */
	const LKP71_CUT = LKP71_PANIC.slice(0, 9);
	const NEXT = boot([
		'[    2.500000] Run /sbin/init as init process',
		'[   45.000000] eth0: link up'
	]);

	it('says nothing of a boot that panicked early, its log cut after `Kernel Offset` or inside the trace (had said it stopped)', () => {
		expect(notes([...boot(LKP09_PANIC), ...NEXT])).toEqual([]);
		expect(notes([...boot(LKP71_CUT), ...NEXT])).toEqual([]);
	});

	/**
	 * lkp-80.log, its one line (kernel test robot: trinity's soft lockup), its time moved into a
	 * boot's first seconds: a soft lockup is a report the machine runs on after, so a boot that
	 * printed one and then stopped still stopped without a report of why
	 */
	it('still says so of a boot whose only report is a soft lockup (had said nothing: it counted as a crash)', () => {
		expect(
			notes([
				...boot([
					'[    3.215007] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [trinity-c0:6886]'
				]),
				...NEXT
			])
		).toEqual([
			expect.stringMatching(
				/^The log of boot 0 \(lines 1-4\) stops 3\.2 s after the kernel started, before the kernel started user space, and boot 1 follows: /
			)
		]);
	});

	it('still says so of the next boot when it stops early without a report', () => {
		expect(
			notes([
				...boot(LKP71_CUT),
				...boot(['[    3.215007] mmcblk0: mmc0:aaaa SC16G 14.8 GiB']),
				...NEXT
			])
		).toEqual([
			expect.stringMatching(
				/^The log of boot 1 \(lines 13-16\) stops 3\.2 s after the kernel started, /
			)
		]);
	});

	it('says nothing of an early boot that ended in a panic printed in its first second, the input’s last boot (had said its messages stop)', () => {
		const warnings = ingestText(boot(LKP71_CUT).join('\n') + '\n').summary.input.warnings;
		expect(warnings.filter((w) => w.startsWith('The kernel'))).toEqual([]);
	});
});

/**
 * A boot of a syslog file without kernel times (prefix times only), with its banner and user
 * space started, followed by another boot: the shape of SURFACE above run together with another machine's
 * log, as in the benchmark log.
 */
function facts(firstWall: number, lastWall: number): BootEndFacts {
	return {
		index: 3,
		firstLine: 10,
		lastLine: 600,
		banner: true,
		firstTs: NaN,
		lastTs: NaN,
		firstWall,
		lastWall,
		programs: true,
		init: true,
		lastText: 'usb 1-1: new high-speed USB device number 2 using xhci_hcd',
		crash: false
	};
}

const T = Date.UTC(2019, 9, 31, 20, 9, 2);

describe('bootEndNote', () => {
	it('notes a boot whose lines span a few seconds and that another boot follows', () => {
		expect(bootEndNote(facts(T, T + 3000), 4, NaN)).toMatch(
			/^The log of boot 3 \(lines 10-600\) stops about 3 s after its first line, just after the kernel started user space, and boot 4 follows: /
		);
	});

	it('says nothing of a boot whose wall clock goes back (no negative length)', () => {
		// lines of 2019 then of 2008 (a year read wrong, or another machine's lines): the length
		// of the boot is unknown, and it had been "stops -342995143 s after its first line"
		expect(bootEndNote(facts(T, T - 342_995_143_000), 4, NaN)).toBeNull();
		expect(bootEndNote(facts(T, T - 1000), 4, NaN)).toBeNull();
	});

	it('says nothing of a boot that ran longer than its first seconds', () => {
		expect(bootEndNote(facts(T, T + 60_000), 4, NaN)).toBeNull();
	});
});
