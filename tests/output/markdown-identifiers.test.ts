import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/index.ts';
import { escapeMarkdown, formatMarkdown } from '../../src/lib/output/markdown.ts';
import { renderMarkdown } from '../support/markdown-render.ts';

/** lkp-kasan-01.log (intel/lkp-tests, spec/fixtures/stats/dmesg/kasan-01), its first report */
const KASAN = `[    6.358786][    T1] ==================================================================
[    6.359904][    T1] BUG: KASAN: slab-out-of-bounds in inotify_read+0x271/0x350 at addr ffff88000b67a3ec
[    6.361207][    T1] Read of size 5 by task init/1
[    6.361819][    T1] CPU: 0 PID: 1 Comm: init Not tainted 4.8.0-rc1 #1
[    6.368570][    T1] Call Trace:
[    6.368950][    T1]  [<ffffffff812538ce>] dump_stack+0x65/0x87
[    6.369729][    T1]  [<ffffffff8117aba7>] kasan_object_err+0x27/0x90
[    6.370586][    T1]  [<ffffffff8117af0d>] kasan_report+0x23d/0x4a0
[    6.374075][    T1]  [<ffffffff81179bc1>] kasan_check_read+0x11/0x20
[    6.374919][    T1]  [<ffffffff811ba841>] inotify_read+0x271/0x350
[    6.377517][    T1]  [<ffffffff81187fc3>] __vfs_read+0x23/0x110
[    6.379960][    T1]  [<ffffffff81188152>] vfs_read+0xa2/0x130
[    6.380723][    T1]  [<ffffffff811885cd>] SyS_read+0x4d/0xb0
[    6.382314][    T1]  [<ffffffff8159e972>] entry_SYSCALL_64_fastpath+0x1a/0xa9
`;

describe('identifiers in Markdown prose', () => {
	it('are code spans, not backslash-escaped (pasted into a plain-text mail they showed `inotify\\_read`)', async () => {
		const md = formatMarkdown(await analyzeText(KASAN));
		const headline = md.split('\n')[2];
		expect(headline).toBe(
			'The kernel crashed or reported a serious internal error. Most important: KASAN: slab-out-of-bounds Read in `inotify_read`.'
		);
		expect(md).not.toContain('\\_');
		// not inside a longer token: corpus kernel releases read 3.10.0-693.el7.`x86_64`
		// (and not escaped either: an underscore inside a word opens no emphasis)
		expect(escapeMarkdown('3.10.0-693.el7.x86_64 PH315-51/PH315_51')).toBe(
			'3.10.0-693.el7.x86_64 PH315-51/PH315_51'
		);
		expect(escapeMarkdown('x86_64, BOOT_IMAGE=/vmlinuz, __vfs_read, e1000e_poll')).toBe(
			'`x86_64`, `BOOT_IMAGE`=/vmlinuz, `__vfs_read`, `e1000e_poll`'
		);
	});

	it('log text stays inert around them', () => {
		const html = renderMarkdown(escapeMarkdown('a_b *c_d* [x_y](javascript:alert(1)) <img_1>'));
		expect(html).not.toMatch(/<a |<em>|<img/);
		expect(html).toContain('<code>a_b</code>');
	});
});

describe("GitLab's references", () => {
	it('a merge request !123, a label ~label and a milestone %milestone are inline code, which GitLab does not link', () => {
		// GitLab links them in the rendered text, where a backslash escape is already gone
		const html = renderMarkdown(
			escapeMarkdown('fixed by !123 (~regression, %v6.1), see 50% of !x')
		);
		expect(html).toBe(
			'<p>fixed by <code>!123</code> (<code>~regression</code>, <code>%v6.1</code>), see 50% of !x</p>\n'
		);
	});
});
