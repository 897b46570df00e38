/**
 * Unprefixed lines in the middle of a timed report (a record's text that went on past a line end,
 * printed or copied without its time stamp) go on the report, with its context; a program's
 * output on the console after a report does not (blocks/assembler.ts restOf).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { ingestText } from './helpers.ts';

/**
 * The start of a SLUB report from abrt/satyr's kernel oops test inputs (`tests/kerneloopses/
 * gitlog-30`, GPL-2.0; the corpus's satyr-gitlog-30.log): `0x6a instead of 0x6b` and `cpu=1
 * pid=2004` are the rest of the records before them.
 */
const SLUB = [
	'[  299.281565] =============================================================================',
	'[  299.281634] BUG kmalloc-4096 (Tainted: G          I ): Poison overwritten',
	'[  299.281682] -----------------------------------------------------------------------------',
	'[  299.281684]',
	'[  299.281752] INFO: 0xffff880056c305d0-0xffff880056c305d0. First byte',
	'0x6a instead of 0x6b',
	'[  299.281816] INFO: Allocated in scsi_host_alloc+0x4a/0x490 age=1688',
	'cpu=1 pid=2004',
	'[  299.281870] \t__slab_alloc+0x617/0x6c1',
	'[  299.281901] \t__kmalloc+0x28c/0x2e0',
	'[  299.282882] INFO: Object 0xffff880056c30000 @offset=0 fp=0x          (null)',
	'[  299.282884]'
];

describe('unprefixed lines inside a timed report', () => {
	it('the rest of a record printed without its time goes on the report', async () => {
		const r = await analyzeText(SLUB.join('\n') + '\n');
		const f = r.findings.find((x) => x.title.startsWith('SLUB: Poison overwritten'));
		const ev = (f?.evidence ?? []).map((e) => e.line);
		// lines 6 and 8 had been left out of the report
		expect(ev).toContain(6);
		expect(ev).toContain(8);
		expect((f?.evidence ?? []).find((e) => e.line === 8)?.text).toBe('cpu=1 pid=2004');
		// counted as before: unparsed, not kernel lines
		expect(r.input.lines_unparsed).toBe(2);
		expect(ingestText(SLUB.join('\n') + '\n').blocks).toEqual(['BUG kmalloc-@2-12/0']);
	});

	it('a program’s output after a report is not the report’s', async () => {
		// syzkaller's console (its report 158): the executor's program after the WARNING, then the
		// panic that ends it; the program's lines are no part of the WARNING
		const text =
			[
				'[  359.890494] refcount_t: increment on 0; use-after-free.',
				'[  359.914113] ------------[ cut here ]------------',
				'[  359.919670] WARNING: CPU: 0 PID: 28200 at lib/refcount.c:152 refcount_inc+0x47/0x50',
				'2017/08/31 09:09:03 executing program 2:',
				'mmap(&(0x7f0000000000/0xfff000)=nil, 0xfff000, 0x3, 0x32, 0xffffffffffffffff, 0x0)',
				'r1 = openat$ptmx(0xffffffffffffff9c, &(0x7f0000007000-0xa)="2f6465762f70746d7800", 0x20003, 0x0)',
				'r2 = dup(r1)',
				'[  359.985135] Kernel panic - not syncing: panic_on_warn set ...'
			].join('\n') + '\n';
		const r = await analyzeText(text);
		const f = r.findings.find((x) => x.title.startsWith('WARNING'));
		expect((f?.evidence ?? []).map((e) => e.line).filter((l) => l >= 4 && l <= 7)).toEqual([]);
		// after an indented trace line (printed whole), a line with its own words is not its rest
		const trace = ingestText(
			[
				'[   22.754000] BUG: unable to handle kernel NULL pointer dereference at 00000008',
				'[   22.759375]  [<cb49e9eb>] sysenter_past_esp+0x40/0x6a',
				'trinity-main: child exited',
				'[   22.760000]  [<cb49e9ec>] entry_SYSENTER_32+0x4/0x6'
			].join('\n') + '\n'
		);
		expect(trace.blocks).toEqual(['BUG:@1-4/0']);
		const r2 = await analyzeText(
			[
				'[   22.754000] BUG: unable to handle kernel NULL pointer dereference at 00000008',
				'[   22.759375]  [<cb49e9eb>] sysenter_past_esp+0x40/0x6a',
				'trinity-main: child exited',
				'[   22.760000]  [<cb49e9ec>] entry_SYSENTER_32+0x4/0x6'
			].join('\n') + '\n'
		);
		const bug = r2.findings.find((x) => x.title.startsWith('BUG'));
		expect((bug?.evidence ?? []).map((e) => e.line)).not.toContain(3);
	});

	it('lines held as a record’s rest are dropped when the report ends before its next line', async () => {
		const r = await analyzeText(
			[
				'[   10.000000] BUG: unable to handle kernel NULL pointer dereference at 00000008',
				'[   10.000100] IP: foo+0x1/0x2',
				'ok, the rest is mine',
				'[   40.000000] usb 1-1: new high-speed USB device number 2 using xhci_hcd'
			].join('\n') + '\n'
		);
		const bug = r.findings.find((x) => x.title.startsWith('BUG'));
		expect((bug?.evidence ?? []).map((e) => e.line)).toEqual([1, 2]);
	});
});
