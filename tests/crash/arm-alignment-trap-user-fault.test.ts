/**
 * ARM's `Alignment trap: not handling instruction … at [<pc>]` (arch/arm/mm/alignment.c: an
 * instruction do_alignment() cannot fix up, such as an exclusive load or store) is followed by
 * do_DataAbort()'s `Unhandled fault: alignment exception`, in user and kernel mode alike. In user
 * mode no oops follows: the program got SIGBUS and the trap is the first line of that fault (it had
 * been a high finding of its own, `Alignment trap in corrupted`). In kernel mode the oops follows
 * and the trap stays a report of its own, as syzkaller titles it (report 242).
 */
import { describe, expect, it } from 'vitest';
import { BlockAssembler } from '../../src/lib/ingestion/blocks/assembler.ts';
import type { ErrorBlock } from '../../src/lib/models/error-block.ts';
import { analyzeLines, crashesOf } from '../support/analyze.ts';
import { fixture } from '../support/fixtures.ts';

const PI_BOOT = [
	'[    0.000000] Booting Linux on physical CPU 0x0',
	'[    0.000000] Linux version 5.10.63-v7+ (builder@host1) (arm-linux-gnueabihf-gcc-8 (Ubuntu/Linaro 8.4.0-3ubuntu1) 8.4.0, GNU ld (GNU Binutils for Ubuntu) 2.34) #1459 SMP Wed Oct 6 16:41:10 BST 2021',
	'[    0.000000] CPU: ARMv7 Processor [410fd034] revision 4 (ARMv7), cr=10c5383d',
	'[    0.000000] OF: fdt: Machine model: Raspberry Pi 3 Model B Rev 1.2'
];

/**
 * A user program's `ldrex` (e1923f9f) on an unaligned address: no corpus log holds one; the
 * lines follow alignment.c's and fault.c's formats (5.x: `8<--- cut here ---`, show_pte()), with
 * syzkaller report 242's instruction and a user-space program counter and address
 */
const USER_TRAP = [
	'[ 4021.113004] Alignment trap: not handling instruction e1923f9f at [<00010594>]',
	'[ 4021.113031] 8<--- cut here ---',
	'[ 4021.113040] Unhandled fault: alignment exception (0x001) at 0x0002103e',
	'[ 4021.113052] pgd = 3c84a1b2',
	'[ 4021.113061] [0002103e] *pgd=3b7e8835, *pte=3a4e475f, *ppte=3a4e4c7f'
];
const WENT_ON = ['[ 4030.200000] usb 1-1.2: new high-speed USB device number 4 using dwc_otg'];

function assemble(lines: string[]): ErrorBlock[] {
	const out: ErrorBlock[] = [];
	const a = new BlockAssembler((b) => out.push(b));
	lines.forEach((text, i) => a.push(i + 1, text, 10 + i * 0.001, '', 0));
	a.closeAll('eof');
	return out.sort((x, y) => x.startLine - y.startLine);
}

describe('an alignment trap before a user program’s `Unhandled fault:` is that fault’s first line', () => {
	it('one low finding, the user-space fault, whose evidence starts at the trap (had been a high `Alignment trap in corrupted` beside it)', async () => {
		const r = await analyzeLines([...PI_BOOT, ...USER_TRAP, ...WENT_ON]);
		const crashes = r.findings.filter((f) => f.category === 'crash');
		expect(crashes.map((f) => [f.rule, f.severity, f.title])).toEqual([
			['crash.arm-user-fault', 'low', 'Unhandled fault in user space: alignment exception']
		]);
		const [f] = crashes;
		expect(f.first_line).toBe(PI_BOOT.length + 1);
		expect(f.evidence.map((e) => e.text)).toEqual(USER_TRAP.map((l) => l.slice(15)));
		expect(r.summary.verdict).not.toBe('kernel-crash');
		// its explanation reads the trap: an instruction the kernel cannot fix up, the program's PC
		expect(f.explanation.meaning).toMatch(/^Not a kernel crash: .*`ldrex`\/`strex`/);
		expect(f.explanation.next_steps).toContainEqual(expect.stringContaining('addr2line'));
		expect(f.explanation.next_steps.some((s) => s.includes('decode_stacktrace'))).toBe(false);
	});

	it('an alignment exception without the trap line keeps the user fault’s explanation', async () => {
		const [f] = await crashesOf([...PI_BOOT, ...USER_TRAP.slice(1), ...WENT_ON]);
		expect(f.title).toBe('Unhandled fault in user space: alignment exception');
		expect(f.explanation.meaning).not.toContain('ldrex');
	});

	it('the assembler emits one report, headed by the fault, with the trap’s lines first', () => {
		const blocks = assemble([...USER_TRAP, ...WENT_ON].map((l) => l.slice(15)));
		expect(blocks.map((b) => [b.header, b.startLine, b.lines[0].line, b.endLine])).toEqual([
			['Unhandled fault:', 3, 1, 5]
		]);
		expect(blocks[0].follows).toBeUndefined();
	});

	it('a trap whose fault oopsed stays a report of its own (syzkaller report 242 is unchanged)', async () => {
		const crashes = await crashesOf(fixture('syzkaller/242.log').split('\n'));
		expect(crashes.map((f) => [f.rule, f.severity, f.title])).toEqual([
			['crash.arm-fault', 'high', 'Alignment trap in corrupted'],
			['crash.arm-fault', 'high', 'Unhandled fault in dup_fd']
		]);
		expect(crashes[0].last_line).toBe(1);
		const blocks = assemble(fixture('syzkaller/242.log').split('\n'));
		expect(blocks.map((b) => [b.header, b.startLine])).toEqual([
			['Alignment trap:', 1],
			['Unhandled fault:', 2]
		]);
		expect(blocks[1].follows).toBe(1);
	});

	it('a trap alone (its fault lost, or another report next) is still a report of its own', async () => {
		const crashes = await crashesOf([...PI_BOOT, USER_TRAP[0], ...WENT_ON]);
		expect(crashes.map((f) => f.title)).toEqual(['Alignment trap in corrupted']);
	});
});
