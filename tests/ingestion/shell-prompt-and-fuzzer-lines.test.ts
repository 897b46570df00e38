/**
 * What users paste around a kernel log that is not the kernel's: a shell's prompt and the command
 * typed after it (clamor-s-files-grate-txt.log starts with `[user@host ~]$ dmesg`, its names
 * replaced here), and trinity's output on a test robot's console before the kernel's first line
 * (lkp-12.log, lkp-24.log). Held at the input's start, they had been bare kernel lines and the
 * start of boot 0. A prompt is skipped with a reason wherever a bare line is looked at; trinity's
 * lines before the first prefixed line are unparsed as they are after it.
 */
import { describe, expect, it } from 'vitest';
import { isShellLine, SKIP_SHELL, NO_PREFIX } from '../../src/lib/ingestion/formats/bare.ts';
import { boots, ingestText, type Run } from './helpers.ts';

/** clamor-s-files-grate-txt.log lines 2-4, after its prompt line */
const DMESG = [
	'[    0.000000] Booting Linux on physical CPU 0x0',
	'[    0.000000] Linux version 5.12.0-next-20210429 (builder@host2) (armv7-alpine-linux-musleabihf-gcc (Alpine 10.3.1_git20210424) 10.3.1 20210424, GNU ld (GNU Binutils) 2.36.1) #1 SMP PREEMPT Fri Apr 30 00:00:00 UTC 2021',
	'[    0.000000] CPU: ARMv7 Processor [412fc099] revision 9 (ARMv7), cr=10c5387d'
];

function kinds(run: Run): string[] {
	return run.records.map((r) => `${r.line}:${r.kind}`);
}

describe('a shell prompt pasted with the log', () => {
	it('before a dmesg is skipped, and boot 0 starts at the kernel’s first line', () => {
		const run = ingestText(['[alice@host1 ~]$ dmesg', ...DMESG].join('\n') + '\n');
		// a skipped line is passed on as no record
		expect(kinds(run)).toEqual(['2:kernel', '3:kernel', '4:kernel']);
		expect(run.summary.input.skipped_reasons).toEqual({ [SKIP_SHELL]: 1 });
		expect(run.summary.input.formats).toEqual({ dmesg: 3 });
		expect(boots(run)).toEqual(['start@2-4']);
	});

	it('in the middle of a dmesg, and before a `dmesg -t` whose lines stay the kernel’s', () => {
		const mid = ingestText([...DMESG, 'root@OpenWrt:/# dmesg | tail', DMESG[2]].join('\n'));
		expect(kinds(mid)).toEqual(['1:kernel', '2:kernel', '3:kernel', '5:kernel']);
		expect(mid.summary.input.skipped_reasons).toEqual({ [SKIP_SHELL]: 1 });
		expect(mid.summary.input.lines_unparsed).toBe(0);
		const bare = DMESG.map((l) => l.slice(15));
		const t = ingestText(['$ dmesg -t', ...bare].join('\n'));
		expect(kinds(t)).toEqual(['2:kernel', '3:kernel', '4:kernel']);
		expect(t.summary.input.skipped_reasons).toEqual({ [SKIP_SHELL]: 1 });
		expect(t.summary.input.formats).toEqual({ bare: 3 });
	});

	it('recognises the prompts of common shells, and no kernel text', () => {
		for (const p of [
			'$ dmesg',
			'# dmesg -T',
			'$ sudo dmesg',
			'[alice@host1 ~]$ dmesg',
			'[root@host1 log]# cat kern.log',
			'alice@host1:~$ journalctl -k -b -1',
			'pi@host1:~ $ dmesg',
			'root@OpenWrt:/# ',
			'host1:~ # dmesg',
			'/ # dmesg',
			'sh-4.2# dmesg',
			'bash-5.1$ ',
			'% dmesg'
		])
			expect(isShellLine(p), p).toBe(true);
		for (const k of [
			'#PF: supervisor read access in kernel mode',
			'#PF: error_code(0x0000) - not-present page',
			'BUG: kernel NULL pointer dereference, address: 0000000000000008',
			'[drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0',
			'usb 1-1: new high-speed USB device number 2 using xhci_hcd',
			'0x6a instead of 0x6b',
			'$$$ not a prompt',
			' #0: ffff88801a2b3c40 (&mm->mmap_lock){++++}-{3:3}, at: do_user_addr_fault+0x1/0x2'
		])
			expect(isShellLine(k), k).toBe(false);
	});
});

describe('trinity’s output before the kernel’s first line (lkp-12, lkp-24)', () => {
	it('is unparsed text without a prefix, as after it', () => {
		const run = ingestText(
			[
				'[child1:446] finit_module (313) returned ENOSYS, marking as inactive.',
				'[child0:445] lookup_dcookie (212) returned ENOSYS, marking as inactive.',
				'[watchdog] Watchdog is alive. (pid:432)',
				'[  111.628064] rb_consumer: page allocation failure: order:0, mode:0x24010c0(GFP_KERNEL|__GFP_NORETRY)',
				'[  111.683752] Mem-Info:',
				'[child1:446] delete_module (176) returned ENOSYS, marking as inactive.',
				'[main] Random reseed: 2530751814'
			].join('\n')
		);
		expect(kinds(run)).toEqual([
			'1:unparsed',
			'2:unparsed',
			'3:unparsed',
			'4:kernel',
			'5:kernel',
			'6:unparsed',
			'7:unparsed'
		]);
		expect(run.summary.input.unparsed_reasons).toEqual({ [NO_PREFIX]: 5 });
		// and trinity's other lines after its first tagged one (lkp-24)
		const lkp24 = ingestText(
			[
				'[child0:421] child exiting.',
				'Bailing main loop. Exit reason: UID changed.',
				'[watchdog] [419] Watchdog exiting',
				'[   22.740146] BUG: looking up invalid subclass: 4294967295'
			].join('\n')
		);
		expect(kinds(lkp24)).toEqual(['1:unparsed', '2:unparsed', '3:unparsed', '4:kernel']);
	});

	it('a cut record’s rest before it stays the kernel’s; without a prefixed line, all stay bare', () => {
		const run = ingestText(
			[
				'rrent: avg_current=-1107mA',
				'[main] Random reseed: 2530751814',
				'[  111.683752] Mem-Info:'
			].join('\n')
		);
		expect(kinds(run)).toEqual(['1:kernel', '2:unparsed', '3:kernel']);
		const bare = ingestText(['[main] Random reseed: 2530751814', 'Mem-Info:'].join('\n'));
		expect(bare.summary.input.formats).toEqual({ bare: 2 });
	});
});
