/**
 * What a memory-error detector's report says beyond its title, read as a kernel developer reads
 * it: the access (read or write, its size and address), the object (its cache, size and where the
 * address is in it), the tasks that allocated and freed it, the memory tags of arm64's MTE, and
 * the task of a report without a `CPU:` line (KASAN before 4.11, kmemleak, an indented KCSAN
 * report); a faulting address whose bytes are text; and the step of a report whose task is
 * syzkaller's. These had been in the evidence only, or missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLines, crashesOf } from '../support/analyze.ts';
import { LKP74 } from '../support/excerpts.ts';

/** a syzkaller report of fixtures/syzkaller (its README names the source), as lines */
function syz(n: number): string[] {
	return readFileSync(join(__dirname, `../../fixtures/syzkaller/${n}.log`), 'utf8')
		.replace(/\n$/, '')
		.split('\n');
}

// lkp-kasan-04.log lines 3-47 (kernel test robot, a 4.8-rc1 QEMU guest): KASAN's 4.x form, whose
// `Freed:` record is `PID = 0` and `(stack is not available)`: the object was never freed
const LKP_KASAN_04 = [
	'[    0.440853] ==================================================================',
	'[    0.440853] BUG: KASAN: slab-out-of-bounds in copy_from_user+0x3e/0x6a at addr ffff880064d1ef80',
	'[    0.440853] Write of size 9 by task kdevtmpfs/27',
	'[    0.440853] CPU: 1 PID: 27 Comm: kdevtmpfs Not tainted 4.8.0-rc1 #1',
	'[    0.440853] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[    0.440853]  0000000000000001 ffff88006478fc28 ffffffff81435715 ffff880000098100',
	'[    0.440853]  ffff880064d1efa0 ffff88006478fc58 ffffffff812b7942 0000000000000000',
	'[    0.440853]  ffffed000c9a3df1 ffff880064d1ef80 ffff880000098100 ffff88006478fce8',
	'[    0.440853] Call Trace:',
	'[    0.440853]  [<ffffffff81435715>] dump_stack+0xd6/0x116',
	'[    0.440853]  [<ffffffff812b7942>] kasan_object_err+0x31/0xcb',
	'[    0.440853]  [<ffffffff812b7f6b>] kasan_report+0x497/0x72a',
	'[    0.440853]  [<ffffffff8126bd30>] ? strndup_user+0x92/0xee',
	'[    0.440853]  [<ffffffff812b6414>] check_memory_region+0x1a3/0x1b5',
	'[    0.440853]  [<ffffffff812b6686>] kasan_check_write+0x22/0x2b',
	'[    0.440853]  [<ffffffff8126b8c7>] copy_from_user+0x3e/0x6a',
	'[    0.440853]  [<ffffffff8126bc49>] memdup_user+0x6e/0xc3',
	'[    0.440853]  [<ffffffff8126bd30>] strndup_user+0x92/0xee',
	'[    0.440853]  [<ffffffff8225f845>] ? _raw_spin_unlock+0x3d/0x56',
	'[    0.440853]  [<ffffffff81310c65>] copy_mount_string+0x28/0x31',
	'[    0.440853]  [<ffffffff81312a73>] SyS_mount+0x2f/0x145',
	'[    0.440853]  [<ffffffff81bbb89a>] ? handle_create+0x367/0x367',
	'[    0.440853]  [<ffffffff81bbb922>] devtmpfsd+0x88/0x245',
	'[    0.440853]  [<ffffffff8112b865>] kthread+0x142/0x151',
	'[    0.440853]  [<ffffffff82260aff>] ret_from_fork+0x1f/0x40',
	'[    0.440853]  [<ffffffff8112b723>] ? freezing+0x68/0x68',
	'[    0.440853] Object at ffff880064d1ef80, in cache kmalloc-32 size: 32',
	'[    0.440853] Allocated:',
	'[    0.440853] PID = 27',
	'[    0.440853]  [<ffffffff8103f6b4>] save_stack_trace+0x33/0x74',
	'[    0.440853]  [<ffffffff812b64e4>] save_stack+0x3e/0xfe',
	'[    0.440853]  [<ffffffff812b6ce8>] kasan_kmalloc+0xce/0xe7',
	'[    0.440853]  [<ffffffff812b3813>] __kmalloc_track_caller+0x1e4/0x21d',
	'[    0.440853]  [<ffffffff8126bc0f>] memdup_user+0x34/0xc3',
	'[    0.440853]  [<ffffffff8126bd30>] strndup_user+0x92/0xee',
	'[    0.440853]  [<ffffffff81310c65>] copy_mount_string+0x28/0x31',
	'[    0.440853]  [<ffffffff81312a73>] SyS_mount+0x2f/0x145',
	'[    0.440853]  [<ffffffff81bbb922>] devtmpfsd+0x88/0x245',
	'[    0.440853]  [<ffffffff8112b865>] kthread+0x142/0x151',
	'[    0.440853]  [<ffffffff82260aff>] ret_from_fork+0x1f/0x40',
	'[    0.440853] Freed:',
	'[    0.440853] PID = 0',
	'[    0.440853] (stack is not available)',
	''
];

describe('KASAN facts', () => {
	it('reads 4.10’s form: the address on the header, `Read of size 4 by task`, `Object at …, in cache`, `PID =` (syzkaller 106: had no fact but its type)', async () => {
		const [f] = await crashesOf(syz(106));
		expect(f.title).toBe('KASAN: use-after-free Read in consume_skb');
		expect(f.details).toMatchObject({
			access: 'read',
			access_size: 4,
			address: 'ffff8801cbeda574',
			object_cache: 'skbuff_head_cache',
			object_size: 248,
			alloc_task: 4655,
			free_task: 4655,
			pid: 4676,
			comm: 'syz-executor2'
		});
		expect(f.explanation.meaning).toContain(
			'Here: a read of 4 bytes at ffff8801cbeda574, 244 bytes into an object of the cache skbuff_head_cache (248 bytes), allocated by task 4655 and freed by task 4655.'
		);
		expect(f.explanation.meaning).toContain('The stack under `Freed by task` freed the object');
	});

	it('reads the later form and where the address is in the object (syzkaller 650: 280 bytes past a 512-byte object)', async () => {
		const [f] = await crashesOf(syz(650));
		expect(f.details).toMatchObject({
			access: 'write',
			access_size: 8,
			address: 'ffff8881ef4fbf18',
			object_cache: 'kmalloc-512',
			object_size: 512,
			where_in_object: '280 bytes to the right of 512-byte region',
			alloc_task: 2351
		});
		expect(f.explanation.meaning).toContain(
			'a write of 8 bytes at ffff8881ef4fbf18, 280 bytes past the end of an object of the cache kmalloc-512 (512 bytes)'
		);
		expect(f.explanation.meaning).toContain('The access went outside the object');
	});

	it('tells an invalid free by its stacks, not as an access (syzkaller 216)', async () => {
		const [f] = await crashesOf(syz(216));
		expect(f.details.access).toBeUndefined();
		expect(f.details).toMatchObject({
			object_cache: 'kmalloc-32',
			where_in_object: '0 bytes inside of 32-byte region',
			alloc_task: 7667,
			free_task: 7667
		});
		expect(f.explanation.meaning).toContain(
			'Here: at the start of an object of the cache kmalloc-32 (32 bytes)'
		);
		expect(f.explanation.meaning).toContain(
			'freed already (the stack under `Freed by task` is the first free)'
		);
	});

	it('reads arm64 MTE’s access without a size and its tags (syzkaller 568)', async () => {
		const [f] = await crashesOf(syz(568));
		expect(f.details).toMatchObject({
			access: 'read',
			address: '0bff00002a0f4600',
			pointer_tag: '0b',
			memory_tag: 'fe',
			object_cache: 'io_kiocb',
			alloc_task: 6367,
			free_task: 6119
		});
		expect(f.details.access_size).toBeUndefined();
		expect(f.explanation.meaning).toContain(
			'The pointer’s tag (0b) does not match its memory’s (fe: memory freed or never allocated)'
		);
	});

	it('keeps no task of a record KASAN did not have (lkp-kasan-04: `PID = 0`, stack not available)', async () => {
		const [f] = await crashesOf(LKP_KASAN_04);
		expect(f.details).toMatchObject({ access: 'write', access_size: 9, alloc_task: 27 });
		expect(f.details.free_task).toBeUndefined();
	});

	it('says where the address is in a 4.x object from its start (syzkaller 110: 24 bytes past a 96-byte object; 106: 244 bytes into one)', async () => {
		const [f] = await crashesOf(syz(110));
		expect(f.details.where_in_object).toBe('24 bytes to the right of 96-byte region');
		expect(f.explanation.meaning).toContain(
			'a read of 8 bytes at ffff8801a751e6f8, 24 bytes past the end of an object of the cache fasync_cache (96 bytes)'
		);
		expect(f.explanation.meaning).toContain('The access went outside the object');
		const [g] = await crashesOf(syz(106));
		expect(g.details.where_in_object).toBe('244 bytes inside of 248-byte region');
		expect(g.explanation.meaning).not.toContain('as its cache counts it');
	});

	it('tells an out-of-bounds access inside the cache’s object as past the size asked for (lkp-kasan-04: 9 bytes at the start of a kmalloc-32 object)', async () => {
		const [f] = await crashesOf(LKP_KASAN_04);
		expect(f.details.where_in_object).toBe('0 bytes inside of 32-byte region');
		expect(f.explanation.meaning).toContain(
			'a write of 9 bytes at ffff880064d1ef80, at the start of an object of the cache kmalloc-32 (32 bytes)'
		);
		expect(f.explanation.meaning).toContain(
			'The access lies inside the object as its cache counts it (bytes 0 to 8 of 32)'
		);
		expect(f.explanation.meaning).toContain('the allocation asked for fewer than 9 bytes');
		expect(f.explanation.meaning).not.toContain('The access went outside the object');
	});

	it('names the one byte of a one-byte access inside the cache’s object (syzkaller 338: test_kasan’s kmalloc_oob_right writes byte 123 of a 123-byte allocation in kmalloc-128)', async () => {
		const [f] = await crashesOf(syz(338));
		expect(f.explanation.meaning).toContain(
			'(byte 123 of 128): kmalloc serves a request from the smallest cache it fits'
		);
		expect(f.explanation.meaning).toContain('the allocation asked for fewer than 124 bytes');
	});

	it('keeps no pid past the kernel’s limit, read as the report itself crashed (syzkaller 120)', async () => {
		const [f] = await crashesOf(syz(120));
		expect(f.details).toMatchObject({ access: 'write', access_size: 88 });
		expect(f.details.alloc_task).toBeUndefined();
	});
});

describe('KFENCE, kmemleak and KCSAN facts', () => {
	it('reads KFENCE’s access and object line (syzkaller 590)', async () => {
		const [f] = await crashesOf(syz(590));
		expect(f.details).toMatchObject({
			access: 'read',
			address: '0xffff88823bc8cf68',
			object_cache: 'kmalloc-512',
			object_size: 424,
			alloc_task: 9997,
			free_task: 9997
		});
	});

	it('reads kmemleak’s object and its task (syzkaller 310: had no pid, command or size)', async () => {
		const [f] = await crashesOf(syz(310));
		expect(f.details).toMatchObject({
			address: '0xffff88005a065340',
			object_size: 576,
			pid: 8262,
			comm: 'syz-executor1'
		});
	});

	it('reads the task of a report whose lines are indented (syzkaller 428: KCSAN had no task)', async () => {
		const [f] = await crashesOf(syz(428));
		expect(f.details).toMatchObject({
			cpu: 0,
			pid: 0,
			comm: 'swapper/0',
			kernel_version: '5.3.0-rc7+'
		});
	});
});

describe('a faulting address that is text', () => {
	it('reads lkp-74’s CR2 20534847 as `GHS ` and says a string was used as a pointer', async () => {
		const [f] = await crashesOf(LKP74);
		expect(f.details.address_as_text).toBe('GHS ');
		expect(f.explanation.meaning).toContain('The faulting address reads as ASCII text, “GHS ”');
	});

	it('reads no text in an address with an unprintable byte (syzkaller 120’s paging fault)', async () => {
		const fs = await crashesOf(syz(120));
		expect(fs.map((f) => f.rule)).toContain('crash.paging-fault');
		for (const f of fs) expect(f.details.address_as_text).toBeUndefined();
	});
});

describe('a report of a syzkaller program', () => {
	it('gets the reproducer and the guilty file’s maintainers as its report step (syzkaller 106)', async () => {
		const [f] = await crashesOf(syz(106));
		const step = f.explanation.next_steps.find((s) => s.includes('syzkaller'));
		expect(step).toContain('(`syz-executor2`) is the syzkaller fuzzer’s');
		expect(step).toContain(
			'`scripts/get_maintainer.pl -f <file>` names for the file of `consume_skb`'
		);
		expect(f.explanation.next_steps.some((s) => s.startsWith('If it persists, report it'))).toBe(
			false
		);
	});

	it('is not given to another task’s report (lkp-kasan-04: kdevtmpfs)', async () => {
		const [f] = await crashesOf(LKP_KASAN_04);
		expect(f.explanation.next_steps.some((s) => s.includes('syzkaller fuzzer'))).toBe(false);
	});
});

describe('an oops split by a report printed inside it', () => {
	it('links the panic whose registers are the oops’s to that oops (syzkaller 352: lockdep between the kernel BUG and its end)', async () => {
		const r = await analyzeLines(syz(352));
		const [bug, lockdep, panic] = r.findings;
		expect([bug.rule, lockdep.rule, panic.rule]).toEqual([
			'crash.bug',
			'crash.lockdep',
			'crash.panic'
		]);
		expect(r.cascades.map((c) => c.description)).toEqual([
			'kernel BUG in __isolate_free_page → possible deadlock in console_unlock; kernel BUG in __isolate_free_page → kernel panic: Fatal exception'
		]);
		expect(r.summary.root_cause).toBe(bug.id);
	});

	it('links the lockdep report that printing the oops raised to the oops (syzkaller 352: report_bug, do_invalid_op, RIP __isolate_free_page)', async () => {
		const r = await analyzeLines(syz(352));
		const [bug, lockdep] = r.findings;
		expect(lockdep.title).toBe('possible deadlock in console_unlock');
		expect(r.cascades[0].links).toContainEqual(
			expect.objectContaining({ cause: bug.id, effect: lockdep.id })
		);
		expect(bug.related).toContain(lockdep.id);
	});

	it('does not link a lockdep report whose trace does not go through the oops’s reporting (352 with its report_bug, do_error_trap, do_invalid_op and invalid_op frames removed)', async () => {
		const lines = syz(352).filter(
			(l, i) => i < 218 || i > 265 || !/report_bug|do_error_trap|do_invalid_op|invalid_op/.test(l)
		);
		const r = await analyzeLines(lines);
		const lockdep = r.findings.find((f) => f.rule === 'crash.lockdep')!;
		expect(r.cascades.flatMap((c) => c.links).some((l) => l.effect === lockdep.id)).toBe(false);
	});

	it('links nothing when the oops itself is not in the log (syzkaller 352 from the lockdep report on)', async () => {
		const r = await analyzeLines(syz(352).slice(95));
		expect(r.findings.map((f) => f.rule)).toEqual(['crash.lockdep', 'crash.panic']);
		expect(r.cascades).toEqual([]);
	});
});

describe('a KASAN report that crashed as it printed itself', () => {
	it('links the fault in depot_fetch_stack right after the report to it (syzkaller 120)', async () => {
		const r = await analyzeLines(syz(120));
		const [kasan, fault] = r.findings.filter((f) => f.category === 'crash');
		expect(kasan.title).toBe('KASAN: slab-out-of-bounds Write in __unwind_start');
		expect(fault.title).toBe('BUG: unable to handle kernel paging request in depot_fetch_stack');
		expect(r.cascades.map((c) => c.description)).toEqual([
			'KASAN: slab-out-of-bounds Write in __unwind_start → BUG: unable to handle kernel paging request in depot_fetch_stack'
		]);
		expect(r.summary.root_cause).toBe(kasan.id);
	});

	it('does not link a fault of another task after a KASAN report (120 with the fault’s pid changed)', async () => {
		const lines = syz(120).map((l, i) => (i > 15 ? l.replace('PID: 4078', 'PID: 4079') : l));
		const r = await analyzeLines(lines);
		expect(r.cascades).toEqual([]);
	});
});

describe('a WARN() under panic_on_warn', () => {
	it('has no message when the panic follows its header (syzkaller 140: the panic line had been its message)', async () => {
		const [f] = await crashesOf(syz(140));
		expect(f.title).toBe('WARNING in strp_data_ready');
		expect(f.details.warn_message).toBeNull();
		expect(f.details.panicked).toBe(true);
	});
});
