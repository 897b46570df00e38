/**
 * A severity and advice review of the real-log corpus (../shared/corpus/real), with verbatim
 * excerpts: lkp-09.log (the init process of a QEMU test guest segfaulted in the vsyscall page,
 * then `Attempted to kill init!`).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { findingsOf } from '../support/analyze.ts';

const only = async (lines: string[], rule: string) => {
	const f = (await findingsOf(lines)).filter((x) => x.rule === rule);
	expect(f).toHaveLength(1);
	return f[0];
};

describe('a segfault of the init process (lkp-09.log)', () => {
	// lkp-09.log lines 1-7 (kernel 4.8.0-rc1 with vsyscall=none, QEMU)
	const LINES = [
		'[    7.485149] init[1]: segfault at ffffffffff600400 ip ffffffffff600400 sp 00007fffc5ff7228 error 15',
		'[    7.487168] init[1] vsyscall attempted with vsyscall=none ip:ffffffffff600400 cs:33 sp:7fffc5ff6838 ax:ffffffffff600400 si:7f0c80ab5a4c di:7fffc5ff68f8',
		'[    7.489245] init[1]: segfault at ffffffffff600400 ip ffffffffff600400 sp 00007fffc5ff6838 error 15',
		'[    7.493303] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b',
		'[    7.493303] ',
		'[    7.494301] CPU: 1 PID: 1 Comm: init Not tainted 4.8.0-rc1 #140',
		'[    7.495077] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014'
	];

	it('is high, says it is init, and is the cause of the panic', async () => {
		const r = await analyzeText(LINES.join('\n') + '\n');
		const seg = r.findings.find((f) => f.rule === 'userspace.segfault')!;
		const panic = r.findings.find((f) => f.rule === 'crash.init-died')!;
		expect([seg.title, seg.severity, seg.count]).toEqual([
			'Segfault in init, the init process (PID 1)',
			'high',
			2
		]);
		expect(seg.details).toMatchObject({ pid: 1, vsyscall: true });
		expect(r.cascades.map((c) => c.chain)).toEqual([[seg.id, panic.id]]);
	});

	it('explains the vsyscall page and how to get it back, not a memory test', async () => {
		const e = (await only(LINES, 'userspace.segfault')).explanation;
		expect(e.meaning).toMatch(/^The init process \(PID 1/);
		expect(e.meaning).toContain('vsyscall page');
		expect(e.causes[0].text).toContain('vsyscall=none');
		expect(e.next_steps[0]).toContain('vsyscall=xonly');
		expect(e.next_steps.join('\n')).not.toContain('memtest');
	});

	it('leaves a segfault of another program low, with its own advice', async () => {
		// the same line of another pid
		const f = await only(
			['[    7.485149] init[412]: segfault at 0 ip 00007f6b267132c2 sp 00007fffc5ff7228 error 4'],
			'userspace.segfault'
		);
		expect([f.title, f.severity]).toEqual(['Segfault in init', 'low']);
		expect(f.explanation.next_steps[0]).toMatch(/^Check the program’s own logs/);
		expect(f.details.vsyscall).toBeUndefined();
	});
});
