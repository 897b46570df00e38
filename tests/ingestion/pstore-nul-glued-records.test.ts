/**
 * Ingestion shapes left open: ramoops's in-memory record header, a NUL hole inside a
 * line, systemd's `[ INFO ]`/`[ WARN ]` status lines.
 */
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../src/lib/models/log-record.ts';
import { ingestText, readFixture } from './helpers.ts';

/** Every classified record (kernel or not) of the text, and the run. */
function classified(text: string) {
	const all: Array<Pick<LogRecord, 'line' | 'kind' | 'format' | 'reason' | 'text' | 'wall'>> = [];
	const run = ingestText(text, {
		observe: ({ line, kind, format, reason, text, wall }) =>
			all.push({ line, kind, format, reason, text, wall })
	});
	return { all, run };
}

describe("ramoops's in-memory record header (`====<sec>.<usec>-D`)", () => {
	// i225nic-pstore-panic-log-txt.log lines 943-959 (`Panic#2 Part1`, the newest part of the
	// panic's record; the Code: line shortened), with ramoops's header in front of it. The header is
	// synthesised: this dump came through efi-pstore, whose file name `dmesg-efi-167646279201002`
	// carries the dump's time (1676462792, its microseconds not), and ramoops writes the same time
	// as `====%lld.%06lu-%c` before each record in its memory (fs/pstore/ram.c), which a dump of
	// that memory shows.
	const PANIC_PART1 = [
		'====1676462792.000000-D',
		'Panic#2 Part1',
		'<4>[ 1330.842896]  crc32_pclmul nvme_core igc realtek libahci xhci_pci_renesas intel_pmt wmi video',
		'<4>[ 1330.842928] ---[ end trace 68ff55698a5d5230 ]---',
		'<4>[ 1331.453574] RIP: 0010:dql_completed+0x140/0x150',
		'<4>[ 1331.453583] Code: 86 83 01 48 89 77 58 e9 4d ff ff ff 45 85 e4 41 0f 95 c4 41 39 db',
		'<4>[ 1331.453585] RSP: 0000:ffffbd7b00448e30 EFLAGS: 00010297',
		'<4>[ 1331.453588] RAX: ffff9b535fb03000 RBX: ffffbd7b012f9a20 RCX: ffff9b4fc0f8a000',
		'<4>[ 1331.453589] RDX: 000000000000b16c RSI: 000000000001bb8e RDI: ffff9b4fd00af200',
		'<4>[ 1331.453590] RBP: ffffbd7b00448e90 R08: ffff9b4fd00af140 R09: 000000000007fe60',
		'<4>[ 1331.453591] R10: ffff9b4fcb19e400 R11: 0000000000074cf4 R12: 00000000ffffff36',
		'<4>[ 1331.453593] R13: ffff9b4fc83aab80 R14: 0000000000000000 R15: ffff9b4fc83aab80',
		'<4>[ 1331.453594] FS:  0000000000000000(0000) GS:ffff9b534f780000(0000) knlGS:0000000000000000',
		'<4>[ 1331.453595] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
		'<4>[ 1331.453597] CR2: 0000556c64d872a0 CR3: 000000010a438005 CR4: 0000000000770ee0',
		'<4>[ 1331.453598] PKRU: 55555554',
		'<0>[ 1331.453599] Kernel panic - not syncing: Fatal exception in interrupt',
		'<0>[ 1331.453698] Kernel Offset: 0x1fc00000 from 0xffffffff81000000 (relocation range: 0xffffffff80000000-0xffffffffbfffffff)'
	];

	it('is a pstore record header, and its time dates the dump', () => {
		const { all, run } = classified(PANIC_PART1.join('\n') + '\n');
		const input = run.summary.input;
		// it had been a bare kernel line, and boot 0 had started at it
		expect(input.skipped_reasons).toEqual({ 'pstore record header': 2 });
		expect(input.formats).toEqual({ 'dmesg-raw': 16 });
		expect(all[0]).toMatchObject({ line: 1, kind: 'skipped', format: 'pstore' });
		expect(new Date(all[0].wall).toISOString()).toBe('2023-02-15T12:06:32.000Z');
		const boots = run.summary.metadata.boots;
		expect(boots.map((b) => b.first_line)).toEqual([3]);
		// the dump was taken right after the part's last message, at 1331.453698 s (a time of whole
		// seconds is taken to the second, as any prefix's)
		expect(run.summary.metadata.calibration).toEqual([
			expect.objectContaining({ boot: 0, anchors: 1, uncertainty_ms: 500 })
		]);
		expect(boots[0].started_at).toBe('2023-02-15T11:44:21.046Z');
	});

	it('opens the next record when it comes after a held part, not a line of that part', () => {
		const two = [...PANIC_PART1.slice(0, 6), ...PANIC_PART1];
		two[6] = '====1676462793.5-C'; // before 3.19: microseconds unpadded; 5 us
		const { all, run } = classified(two.join('\n'));
		expect(run.summary.input.skipped_reasons['pstore record header']).toBe(4);
		const header = all.find((r) => r.line === 7);
		expect(header?.format).toBe('pstore');
		expect(new Date(header?.wall ?? NaN).toISOString()).toBe('2023-02-15T12:06:33.000Z');
	});

	it('dates the dump to the microsecond when its header has them', () => {
		const run = ingestText(['====1676462792.453912-D', ...PANIC_PART1.slice(1)].join('\n'));
		expect(run.summary.metadata.calibration).toEqual([
			expect.objectContaining({ boot: 0, anchors: 1, uncertainty_ms: 1, offset_ms: 1676461461000 })
		]);
	});

	it('gives no wall time when its clock was 0, and no anchor', () => {
		const { all, run } = classified(['====0.000000-D', ...PANIC_PART1.slice(1)].join('\n'));
		expect(all[0].reason).toBe('pstore record header');
		expect(Number.isNaN(all[0].wall)).toBe(true);
		expect(run.summary.metadata.calibration).toEqual([]);
	});
});

describe("efi-pstore's file names", () => {
	it('date the dump they name (i225nic-pstore-panic-log-txt.log, whole)', () => {
		// `dmesg-efi-167646279201002:` is (time * 100 + part) * 1000 + count: 1676462792 s, Part1
		// of record 2, the panic, whose last message is at 1331.453698 s; the oops's Part1
		// (`dmesg-efi-167646279101001:`, 1676462791 s) ends at 1330.842928 s
		const run = ingestText(
			new TextDecoder().decode(readFixture('real/i225nic-pstore-panic-log-txt.log'))
		);
		// it had no wall time at all
		expect(run.summary.metadata.calibration).toEqual([
			expect.objectContaining({
				boot: 0,
				anchors: 2,
				source: 'anchors from pstore; segment 0 from boot'
			})
		]);
		expect(run.summary.metadata.boots[0].started_at).toBe('2023-02-15T11:44:20.657Z');
		expect(run.summary.input.skipped_reasons['pstore file name']).toBe(41);
	});
});

describe('a stretch of NUL bytes inside a line, then the next record', () => {
	// izassafar-one-kern-log.log lines 4352-4357 (a Raspberry Pi's kern.log; the banner shortened).
	// In the file the 83 NUL bytes come at the start of line 4356, after a whole line 4355; here
	// line 4355 is cut after `Voltage norm` and the stretch follows on the same line (synthesised
	// from it: the data a crashed machine had not flushed may end anywhere in a line).
	const KERN_LOG = [
		'Jul 16 08:23:05 ubuntu kernel: [ 5798.175814] Under-voltage detected! (0x00050005)',
		'Jul 16 08:23:09 ubuntu kernel: [ 5802.207412] Voltage normalised (0x00000000)',
		'Jul 16 08:39:07 ubuntu kernel: [ 6759.771977] Under-voltage detected! (0x00050005)',
		'Jul 16 08:39:13 ubuntu kernel: [ 6765.819927] Voltage norm' +
			'\0'.repeat(83) +
			'Jul 16 08:47:03 ubuntu kernel: [    0.000000] Booting Linux on physical CPU 0x0',
		'Jul 16 08:47:03 ubuntu kernel: [    0.000000] Linux version 5.3.0-1028-raspi2 (buildd@bos02-arm64-054) (gcc version 7.5.0 (Ubuntu/Linaro 7.5.0-3ubuntu1~18.04)) #30~18.04.2-Ubuntu SMP Fri Jun 19 05:14:49 UTC 2020',
		'Jul 16 08:47:03 ubuntu kernel: [    0.000000] CPU: ARMv7 Processor [410fd034] revision 4 (ARMv7), cr=30c5383d'
	].join('\n');

	it('reads the record after the stretch as a line of its own, the first of the new boot', () => {
		const run = ingestText(KERN_LOG + '\n');
		const s = run.summary;
		expect(s.input.lines_total).toBe(6);
		// counted once, with the text before the stretch
		expect(s.input.formats).toEqual({ syslog: 6 });
		const four = run.records.filter((r) => r.line === 4);
		expect(four.map((r) => [r.text, r.ts, r.boot])).toEqual([
			['Voltage norm', 6765.819927, 0],
			['Booting Linux on physical CPU 0x0', 0, 1]
		]);
		// the new boot had started at line 5, its banner; `Booting Linux …` had been the rest of
		// the message before the stretch, NUL bytes and all
		expect(s.metadata.boots.map((b) => [b.first_line, b.last_line])).toEqual([
			[1, 4],
			[4, 6]
		]);
		const nul = s.input.warnings.find((w) => w.includes('NUL bytes'));
		expect(nul).toContain('It comes right before the first line of a new boot (boot 1).');
		expect(nul).toContain('the end of boot 0, which did not shut down cleanly.');
	});

	it('is read the same in chunks that split the stretch', async () => {
		const { ingestBytes } = await import('./helpers.ts');
		const run = await ingestBytes(new TextEncoder().encode(KERN_LOG), 7);
		expect(run.records.filter((r) => r.line === 4).map((r) => r.text)).toEqual([
			'Voltage norm',
			'Booting Linux on physical CPU 0x0'
		]);
	});
});

describe("systemd's `[ INFO ]` and `[ WARN ]` status lines", () => {
	// abrt-cut-here.log lines 1-5 (a `dmesg -t` excerpt: no prefixes), with a driver's line that
	// starts like systemd's status written for the test in between (no real log of the corpus has
	// one): a kernel line, to be analysed
	const BARE = [
		'------------[ cut here ]------------',
		'WARNING: at arch/x86/kernel/cpu/mtrr/generic.c:467',
		'[ WARN ] mtrr: your BIOS has set up an incorrect mask',
		'generic_get_mtrr+0x11e/0x140() (Not tainted)',
		'Hardware name: ProLiant BL460c G1'
	].join('\n');

	it('are kernel lines in a log without systemd status lines', () => {
		const { all, run } = classified(BARE);
		// it had been skipped as `init system status line (systemd)`, and not analysed
		expect(run.summary.input.skipped_reasons).toEqual({});
		expect(all[2]).toMatchObject({ kind: 'kernel', format: 'bare' });
		expect(run.records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
	});

	it('are skipped after another status line of systemd', () => {
		// systemd's console output as systemd-lines-serial-console.test.ts has it, then its `[ INFO ]` line
		const { run } = classified(
			[
				'[  OK  ] Started Journal Service.',
				'[    5.123456] EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)',
				'[ INFO ] Data will be saved in /var/log.'
			].join('\n')
		);
		expect(run.summary.input.skipped_reasons).toEqual({ 'init system status line (systemd)': 2 });
	});
});

describe('a dmesg record glued after the text of the line before', () => {
	it('is a record of its own in a console whose line did not end (cykeek lines 85-88)', () => {
		// cykeek-stuff-console-ramoops-0.log lines 85-88 (a phone's console-ramoops)
		const RAMOOPS = [
			'[    4.724340]  (6)[1:swapper/0]scm_call failed: func id 0x42001601, ret: -2, syscall returns: 0x0, 0x0, 0x0',
			'[    4.724724]  (6)[1:swapper/0]uboot_log: Failed to add UBOOTLOG in Minidump',
			'[    4.726739] ADSPRPC: Secure VMID = 22[    4.726743]  (6)[1:swapper/0]ADSPRPC: Secure VMID = 37',
			'[    4.726832]  (6)[1:swapper/0]iommu: Adding device soc:qcom,msM-m_fastrpc:qcomM-,msm_fastrpc_compute_cb1 to group 33'
		].join('\n');
		const run = ingestText(RAMOOPS);
		expect(run.summary.input.formats).toEqual({ dmesg: 4 });
		// the second had been the rest of the first's text, `22[    4.726743]  (6)[1:swapper/0]…`
		expect(run.records.filter((r) => r.line === 3).map((r) => [r.ts, r.text])).toEqual([
			[4.726739, 'ADSPRPC: Secure VMID = 22'],
			[4.726743, 'ADSPRPC: Secure VMID = 37']
		]);
	});

	it('starts the next log of `cat a.log b.log` where a.log had no final newline', () => {
		// lkp-48.log's last two lines (without the newline at its end), then pikernel-dmesg.log's
		// first three lines
		const CAT = [
			'[  150.522598] ---[ end trace b130d896846ab2e6 ]---',
			'[  150.524788] Kernel panic - not syncing: Fatal exception' +
				'[    0.000000] Booting Linux on physical CPU 0',
			'[    0.000000] Initializing cgroup subsys cpu',
			'[    0.000000] Linux version 3.6.11+ (yangge@lc-irv-2762) (gcc version 4.7.1 20120402 (prerelease) (crosstool-NG 1.15.2) ) #371 PREEMPT Thu Feb 7 16:31:35 GMT 2013'
		].join('\n');
		const run = ingestText(CAT);
		expect(run.summary.input.lines_total).toBe(4);
		expect(run.records.map((r) => [r.line, r.boot, r.text.slice(0, 30)])).toEqual([
			[1, 0, '---[ end trace b130d896846ab2e'],
			[2, 0, 'Kernel panic - not syncing: Fa'],
			[2, 1, 'Booting Linux on physical CPU '],
			[3, 1, 'Initializing cgroup subsys cpu'],
			[4, 1, 'Linux version 3.6.11+ (yangge@']
		]);
		// the new boot had started a line later, its first line the panic's message
		expect(run.summary.metadata.boots.map((b) => b.first_line)).toEqual([1, 2]);
	});

	it('is not looked for at the start, after a space, or in a bracket that is no dmesg time', () => {
		const run = ingestText(
			[
				'[    1.000000] [drm] Initialized',
				'[    2.000000] sd 0:0:0:0: [sda] 1000 blocks',
				'[    3.000000] took [  1.5] s',
				// syzkaller's report 356 (pkg/report/testdata/linux/report/356, line 4): a record printed
				// inside a line whose text goes on after it; its title needs the line whole
				'[  331.001241] trusty: panic (caller [  331.008787] trusty: 0xffffffffe000fbb8): ASSERT FAILED at (trusty/kernel/lib/trusty/ipc.c:472): '
			].join('\n')
		);
		expect(run.records.map((r) => r.text)).toEqual([
			'[drm] Initialized',
			'sd 0:0:0:0: [sda] 1000 blocks',
			'took [  1.5] s',
			'trusty: panic (caller [  331.008787] trusty: 0xffffffffe000fbb8): ASSERT FAILED at (trusty/kernel/lib/trusty/ipc.c:472): '
		]);
	});
});
