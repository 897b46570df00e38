/**
 * Crash reports of newer kernels and the crash families found untested or wrong by a QA reading
 * of the title formats against the syzkaller corpus and the real-log corpus, each with a verbatim
 * excerpt of the log named in its comment (or a fixture of fixtures/syzkaller).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import {
	FIPS_OOPS,
	IAMSLIGHTLYWIN_IABT,
	KERNELOOPS_DOUBLE_FAULT,
	KERNELOOPS_SPINLOCK_LOCKUP
} from '../support/excerpts.ts';
import { fixture } from '../support/fixtures.ts';

const crashes = async (text: string) =>
	(await analyzeText(text)).findings.filter((f) => f.category === 'crash');

describe("x86's register summary after an oops's end marker", () => {
	it('keeps the oops and the panic after its summary one finding (syzkaller report 738, 6.14)', async () => {
		// `Oops: general protection fault, probably for non-canonical address …` (the 6.10+ header),
		// `---[ end trace ]---`, oops_end()'s summary (`RIP:` … `DR3:`), then `Kernel panic - not
		// syncing: Fatal exception`: the panic had been a finding of its own, the oops not panicked
		const found = await crashes(fixture('syzkaller/738.log'));
		expect(found.map((f) => [f.title, f.severity, f.details.panicked])).toEqual([
			['general protection fault in mremap', 'critical', true]
		]);
		expect(found[0].last_line).toBe(57);
		// the summary repeats the registers: they are shown once
		const regs = found[0].details.registers as string[];
		expect(regs.filter((r) => r.startsWith('RIP: 0010:'))).toEqual([
			'RIP: 0010:__se_sys_mremap+0x25fa/0x2c00'
		]);
	});

	// ubuntu-20-04-fips-logs-dmesg-txt.log lines 864-912 (5.4.0-1051-fips): a NULL dereference
	// in urandom_read, its end marker, the summary, then the same oops in another task
	const FIPS = [
		...FIPS_OOPS,
		'[   29.376311] Code: c0 0f 85 90 01 00 00 4c 01 e3 4d 01 e5 4c 39 6d 88 0f 84 93 01 00 00 4c 8b 25 f4 e1 a7 01 44 8b bd 78 ff ff ff b8 00 10 00 00 <4d> 8b 4c 24 38 45 29 ef 41 81 ff 00 10 00 00 4c 89 cf 44 0f 47 f8',
		'[   29.380309] RSP: 0018:ffffa667c016fe48 EFLAGS: 00010246',
		'[   29.384310] RAX: 0000000000001000 RBX: 0000565192a027e0 RCX: 0000000000000001',
		'[   29.388311] RDX: 0000000000000010 RSI: 0000565192a027e0 RDI: 0000000000000000',
		'[   29.392310] RBP: ffffa667c016fed8 R08: 0000000000000000 R09: 0000000000000000',
		'[   29.396310] R10: ffff993fa4e1c848 R11: 0000000000000000 R12: 0000000000000000',
		'[   29.400311] R13: 0000000000000000 R14: ffffa667c016fe68 R15: 0000000000000010',
		'[   29.404312] FS:  00007f6fd6733500(0000) GS:ffff993fa4e00000(0000) knlGS:0000000000000000',
		'[   29.408311] CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
		'[   29.412311] CR2: 0000000000000038 CR3: 0000000062d7a000 CR4: 00000000000006f0',
		'[   29.423557] BUG: kernel NULL pointer dereference, address: 0000000000000038',
		'[   29.424308] #PF: supervisor read access in kernel mode',
		'[   29.424308] #PF: error_code(0x0000) - not-present page'
	];

	it("takes the summary into the oops's lines, not its registers, and ends there (fips 5.4)", async () => {
		const found = await crashes(FIPS.join('\n') + '\n');
		// the second oops's header (line 47) is a report of its own
		expect(found.map((f) => f.first_line)).toEqual([1, 47]);
		expect(found[0].title).toBe(
			'BUG: unable to handle kernel NULL pointer dereference in urandom_read'
		);
		expect(found[0].last_line).toBe(46);
		const regs = found[0].details.registers as string[];
		expect(regs.filter((r) => r.startsWith('RIP: '))).toEqual([
			'RIP: 0010:urandom_read+0x268/0x480',
			'RIP: 0033:0x7f6fd687573d'
		]);
	});
});

describe('the CPU of x86-64 reports before 3.10', () => {
	// kerneloops-i386-oops-with-end-marker.log lines 2-19 (2.6.24-rc5, x86-64): show_registers()
	// printed `CPU 0 ` on a line of its own before the `Pid:` line, and no fact named the CPU
	// (KERNELOOPS_DOUBLE_FAULT); the same log, lines 26-37 (KERNELOOPS_SPINLOCK_LOCKUP):
	// spin_dump()'s header names the CPU and task, the `Pid:` line no CPU

	it('reads the CPU from the line before `Pid:`', async () => {
		const [f] = await crashes(KERNELOOPS_DOUBLE_FAULT.join('\n') + '\n');
		expect([f.title, f.details.cpu, f.details.pid, f.details.comm]).toEqual([
			'PANIC: double fault in search_extable',
			0,
			2847,
			'grub'
		]);
	});

	it("reads it from a spinlock lockup's header that also names the lock", async () => {
		const [f] = await crashes(KERNELOOPS_SPINLOCK_LOCKUP.join('\n') + '\n');
		expect([f.title, f.details.cpu, f.details.pid, f.details.comm]).toEqual([
			'BUG: spinlock lockup in taskstats_exit',
			0,
			2847,
			'grub'
		]);
	});
});

describe('a fault on an instruction fetch', () => {
	// syzkaller report 480 lines 1-12 (5.6): `#PF: supervisor instruction fetch`, `RIP: 0010:0x86`:
	// a call through a NULL function pointer, explained as a NULL data access
	const X86 = [
		'[  202.652969][ T9969] BUG: kernel NULL pointer dereference, address: 0000000000000086',
		'[  202.660811][ T9969] #PF: supervisor instruction fetch in kernel mode',
		'[  202.667314][ T9969] #PF: error_code(0x0010) - not-present page',
		'[  202.673292][ T9969] PGD 42d21067 P4D 42d21067 PUD a442d067 PMD 0 ',
		'[  202.679547][ T9969] Oops: 0010 [#1] PREEMPT SMP KASAN',
		'[  202.684751][ T9969] CPU: 1 PID: 9969 Comm: syz-executor.0 Not tainted 5.6.0-rc6-syzkaller #0',
		'[  202.685601][ T9967] ubi0: scanning is finished',
		'[  202.693464][ T9969] Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 01/01/2011',
		'[  202.693481][ T9969] RIP: 0010:0x86',
		'[  202.693499][ T9969] Code: Bad RIP value.',
		'[  202.693508][ T9969] RSP: 0018:ffffc90001b9f998 EFLAGS: 00010086',
		'[  202.693515][ T9969] RAX: ffffc90001b9f9c8 RBX: fffffe0000000000 RCX: 0000000000040000'
	];
	const ARM64 = IAMSLIGHTLYWIN_IABT;

	it('says the kernel jumped to a bad address, and to look for the call', async () => {
		const [x86] = await crashes(X86.join('\n') + '\n');
		expect(x86.rule).toBe('crash.null-deref');
		expect(x86.explanation.meaning).toContain('The kernel jumped to address zero');
		const [arm] = await crashes(ARM64.join('\n') + '\n');
		expect(arm.rule).toBe('crash.paging-fault');
		expect(arm.explanation.meaning).toContain(
			'The kernel jumped to an address where no code is mapped'
		);
		// (a custom kernel's phone: what its owner can do comes first, then the builder's steps)
		expect(arm.explanation.next_steps[0]).toMatch(
			/^What the owner of this phone or tablet can do: /
		);
		expect(arm.explanation.next_steps[1]).toContain('`lr :`');
	});

	it('keeps the data-access explanation for a read (ubuntu-20-04-fips, #PF: supervisor read access)', async () => {
		const [f] = await crashes(
			[
				'[   29.364515] BUG: kernel NULL pointer dereference, address: 0000000000000038',
				'[   29.368305] #PF: supervisor read access in kernel mode',
				'[   29.368305] #PF: error_code(0x0000) - not-present page',
				'[   29.368305] Oops: 0000 [#1] SMP NOPTI'
			].join('\n') + '\n'
		);
		expect(f.explanation.meaning).not.toContain('jumped');
	});
});
