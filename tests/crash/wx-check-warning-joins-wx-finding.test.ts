/**
 * The boot-time W+X check's WARN (`x86/mm: Found insecure W+X mapping at address …` inside
 * `WARNING in note_page`) only carries the first mapping of a check whose result
 * security.wx-mappings reports: an info notice linked to that finding, not a medium kernel
 * warning beside it for the same event.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

// lkp-05.log lines 9-30 (kernel test robot, QEMU, 4.8.0-rc1 i386): the W+X check of the legacy
// BIOS area, its WARN and the check's summary
const WX_CHECK = [
	'[   29.101800] ------------[ cut here ]------------',
	'[   29.102438] WARNING: CPU: 0 PID: 1 at arch/x86/mm/dump_pagetables.c:225 note_page+0xe0/0x50f',
	'[   29.103819] x86/mm: Found insecure W+X mapping at address c00a0000/0xc00a0000',
	'[   29.104714] Modules linked in:',
	'[   29.105134] CPU: 0 PID: 1 Comm: swapper Not tainted 4.8.0-rc1 #13',
	'[   29.105899] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Debian-1.8.2-1 04/01/2014',
	'[   29.107036]  00000000 cf43dee0 cf43deb0 c114c8a5 cf43decc c1035eea c1928286 000000e1',
	'[   29.108148]  00000000 cf43df58 80000000 cf43dee8 c1035f29 00000009 00000000 cf43dee0',
	'[   29.109249]  c1928250 cf43defc cf43df24 c1028969 c1928286 000000e1 c1928250 c00a0000',
	'[   29.110353] Call Trace:',
	'[   29.110685]  [<c114c8a5>] dump_stack+0x16/0x18',
	'[   29.111254]  [<c1035eea>] __warn+0xab/0xc2',
	'[   29.111782]  [<c1035f29>] warn_slowpath_fmt+0x28/0x2d',
	'[   29.112448]  [<c1028969>] note_page+0xe0/0x50f',
	'[   29.113021]  [<c1028f8f>] ptdump_walk_pgd_level_core+0x1c9/0x278',
	'[   29.113777]  [<c102905b>] ptdump_walk_pgd_level_checkwx+0x11/0x16',
	'[   29.114540]  [<c1022445>] mark_rodata_ro+0xd0/0xd8',
	'[   29.115201]  [<c16695a1>] kernel_init+0x20/0xcb',
	'[   29.115738]  [<c166eeae>] ret_from_kernel_thread+0xe/0x30',
	'[   29.116458]  [<c1669581>] ? rest_init+0x10e/0x10e',
	'[   29.117090] ---[ end trace abe6f705a196d176 ]---',
	'[   29.117821] x86/mm: Checked W+X mappings: FAILED, 96 W+X pages found.'
];

// the same log, line 4: the serial port refused IRQ 4
const IRQ_REFUSED =
	'[   29.096478] genirq: Flags mismatch irq 4. 00000000 (serial) vs. 00000080 (goldfish_pdev_bus)';

describe('the W+X check’s WARN', () => {
	it('is an info notice linked to the W+X finding (had been crash.warning, medium)', async () => {
		const r = await analyzeLines(WX_CHECK);
		expect(r.findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
			['crash.wx-check-warning', 'info', 'WARNING in note_page'],
			['security.wx-mappings', 'low', 'Kernel memory both writable and executable (W+X)']
		]);
		const [warn, wx] = r.findings;
		expect(wx.details).toMatchObject({ address: 'c00a0000/0xc00a0000', pages: 96 });
		expect(r.cascades.map((c) => c.chain)).toEqual([[wx.id, warn.id]]);
		expect(warn.explanation.meaning).toMatch(
			/^Not a kernel bug: .*the W\+X finding of this report/
		);
		expect(warn.explanation.next_steps.join(' ')).not.toMatch(
			/decode_stacktrace|syzbot|get_maintainer/
		);
		expect(r.summary.headline).toContain('Kernel memory both writable and executable');
	});

	it('leaves the lead to the log’s other problem', async () => {
		const r = await analyzeLines([IRQ_REFUSED, ...WX_CHECK]);
		expect(r.summary.headline).toContain(
			'Interrupt 4 refused to serial: goldfish_pdev_bus holds it'
		);
		expect(r.summary.counts_by_severity).toMatchObject({ medium: 1, low: 1, info: 1 });
	});

	it('stays a kernel warning when it carries another message', async () => {
		const lines = WX_CHECK.map((l) =>
			l.replace('x86/mm: Found insecure W+X mapping at address', 'x86/mm: unexpected level at')
		);
		const r = await analyzeLines(lines);
		const warn = r.findings.find((f) => f.title === 'WARNING in note_page');
		expect([warn?.rule, warn?.severity]).toEqual(['crash.warning', 'medium']);
	});
});
