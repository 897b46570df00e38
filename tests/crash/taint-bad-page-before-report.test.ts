/**
 * A crash report of a kernel that had found memory in a bad state before it (taint `B` in its
 * `Tainted:` line) may be that corruption's consequence: its explanation says so and points at
 * the first such report, before the steps for a bug of its own.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';
import { LKP73_BAD_PAGE } from '../support/excerpts.ts';

// abrt koops-tainted-bg1 (Fedora 15, 2.6.38, i686), lines 1-36: `kernel BUG at mm/filemap.c:125!`
// in `rm`'s unlink, `Tainted: G    B`
const TAINTED_B = [
	'kernel BUG at mm/filemap.c:125!',
	'invalid opcode: 0000 [#1] SMP ',
	'last sysfs file: /sys/devices/system/cpu/cpu1/cache/index1/shared_cpu_map',
	'Modules linked in: tcp_lp fuse 8021q garp p4_clockmod stp llc ip6t_REJECT',
	'nf_conntrack_ipv6 nf_defrag_ipv6 ip6table_filter ip6_tables usblp snd_intel8x0',
	'ppdev snd_ac97_codec ac97_bus snd_seq snd_seq_device snd_pcm microcode',
	'snd_timer snd parport_pc sis900 parport soundcore mii snd_page_alloc ipv6',
	'ata_generic pata_acpi sata_sis pata_sis nouveau ttm drm_kms_helper drm',
	'i2c_algo_bit i2c_core video [last unloaded: mperf]',
	'Pid: 4008, comm: rm Tainted: G    B       2.6.38.6-27.fc15.i686 #1 ECS',
	'662/1066T-M2/662/1066T-M2',
	'EIP: 0060:[<c04ac80f>] EFLAGS: 00010046 CPU: 1',
	'EIP is at __remove_from_page_cache+0x4d/0xab',
	'EAX: 00000000 EBX: f52d3d00 ECX: d6959d07 EDX: 00000009',
	'ESI: efed9228 EDI: efed9238 EBP: d6959e34 ESP: d6959e28',
	' DS: 007b ES: 007b FS: 00d8 GS: 00e0 SS: 0068',
	'Process rm (pid: 4008, ti=d6958000 task=f0f09920 task.ti=d6958000)',
	'Stack:',
	' 0000e2e2 f52d3d00 00000000 d6959e48 c04ac89c f52d3d00 efed9228 000024f8',
	' d6959e64 c04b3f0a 00001000 00000000 00000000 f52d3d00 0000000d d6959ed0',
	' c04b3fbf 0000000e 00000000 00000000 00000000 efed9228 ffffffff 0000000e',
	'Call Trace:',
	'[<c04ac89c>] remove_from_page_cache+0x2f/0x4a',
	' [<c04b3f0a>] truncate_inode_page+0x77/0x8c',
	' [<c04b3fbf>] truncate_inode_pages_range+0xa0/0x209',
	' [<c04b4147>] truncate_inode_pages+0x1f/0x21',
	' [<c054b0df>] ext4_evict_inode+0x80/0x20b',
	' [<c042e4e2>] ? __might_sleep+0x29/0xe4',
	' [<c04f5763>] evict+0x1c/0x7e',
	' [<c04f5982>] iput+0x14b/0x16c',
	' [<c04ee017>] do_unlinkat+0xc6/0x102',
	' [<c047baf5>] ? audit_syscall_entry+0x128/0x14a',
	' [<c040b8f6>] ? syscall_trace_enter+0x10f/0x121',
	' [<c04eeef2>] sys_unlinkat+0x32/0x35',
	' [<c07d66b4>] syscall_call+0x7/0xb',
	'Code: c7 43 10 00 00 00 00 ff 4e 30 e8 bc 14 01 00 8b 03 a9 00 00 08 00 74 0c'
];

describe('a crash report after memory was found in a bad state (taint B)', () => {
	it('says it may be the consequence, and to read the first bad-page report first', async () => {
		const [bug] = await findingsOf(TAINTED_B);
		expect([bug.rule, bug.title, bug.details.taint]).toEqual([
			'crash.bug',
			'kernel BUG in __remove_from_page_cache',
			'G    B'
		]);
		expect(bug.explanation.meaning).toMatch(/already found memory in a bad state .*taint `B`/);
		const step = bug.explanation.next_steps.find((s) => s.startsWith('Find the first report'));
		expect(step).toMatch(
			/`BUG: Bad page state`.*keep coming at random places, test the RAM \(memtest86\+\)\.$/
		);
	});

	it('names the memory test once when the report’s own steps name it (lkp-73: a bad page cache in a QEMU guest)', async () => {
		const [bad] = (await findingsOf(LKP73_BAD_PAGE)).filter((f) => f.category === 'crash');
		expect(bad.details.taint).toMatch(/B/);
		const steps = bad.explanation.next_steps;
		expect(steps.filter((s) => s.includes('memtest86+'))).toHaveLength(1);
		expect(steps.at(-1)).toMatch(/^Find the first report of this boot .* and read it first\.$/);
	});

	it('says nothing of it without the taint', async () => {
		const clean = TAINTED_B.map((l) => l.replace('Tainted: G    B      ', 'Not tainted '));
		expect(clean).not.toEqual(TAINTED_B);
		const [bug] = await findingsOf(clean);
		expect(bug.details.taint_flags).toEqual([]);
		expect(bug.explanation.meaning).not.toMatch(/taint `B`/);
		expect(bug.explanation.next_steps.some((s) => s.startsWith('Find the first report'))).toBe(
			false
		);
	});
});
