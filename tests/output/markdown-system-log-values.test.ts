/**
 * The Markdown report's System table shows the kernel's build banner, its command line and the
 * module list as the log has them, one inline code span each: escaped, the names with
 * underscores had been code spans and the words between them not
 * (`console=ttyS0 \`ddr_manufacture_info\`=Samsung`, `fuse \`nf_nat\` bridge`), fragments in a
 * rendered issue and backticks scattered through a plain-text mail.
 */
import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { markdownProblems } from '../support/markdown-render.ts';

const LOG = [
	'[    0.000000] Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)',
	'[    0.000000] Command line: BOOT_IMAGE=/vmlinuz-6.1.0-13-amd64 root=UUID=0a1b2c3d ro usbcore.old_scheme_first=1 ddr_manufacture_info=Samsung *a*|b [x](y) quiet',
	'[   10.000000] BUG: unable to handle page fault for address: ffffffffc0a01000',
	'[   10.000001] #PF: supervisor read access in kernel mode',
	'[   10.000002] Oops: 0000 [#1] PREEMPT SMP NOPTI',
	'[   10.000003] CPU: 1 PID: 42 Comm: kworker/1:1 Not tainted 6.1.0-13-amd64 #1  Debian 6.1.55-1',
	'[   10.000004] RIP: 0010:mydrv_poll+0x1a/0x90 [mydrv]',
	'[   10.000005] Call Trace:',
	'[   10.000006]  <TASK>',
	'[   10.000007]  process_one_work+0x1c7/0x380',
	'[   10.000008]  </TASK>',
	'[   10.000009] Modules linked in: mydrv fuse nf_nat bridge snd_hda_codec_hdmi'
].join('\n');

/** the inline tokens of the System table's value cell labelled `label` */
function cell(md: string, label: string) {
	const tokens = new MarkdownIt({ html: true }).parse(md, {});
	for (let i = 0; i < tokens.length; i++)
		if (
			tokens[i].type === 'inline' &&
			tokens[i].content === label &&
			tokens[i - 1].type === 'td_open'
		)
			return tokens[i + 3].children ?? [];
	throw new Error(`no row ${label}`);
}

describe('the System table of the Markdown report', () => {
	it('shows the build banner, the command line and the modules as one code span each', async () => {
		const r = await analyzeText(LOG + '\n');
		const md = formatMarkdown(r);
		expect(markdownProblems(md, r)).toEqual([]);
		const build = cell(md, 'Build');
		expect(build.map((t) => t.type)).toEqual(['code_inline']);
		expect(build[0].content).toBe(r.metadata.kernel_build);
		const cmd = cell(md, 'Command line');
		expect(cmd.map((t) => t.type)).toEqual(['code_inline']);
		// a `|` of the log is escaped for the table, and is one in the code span
		expect(cmd[0].content).toBe(r.metadata.command_line);
		expect(cmd[0].content).toContain('ddr_manufacture_info=Samsung *a*|b [x](y) quiet');
		expect(md).toContain('*a*\\|b [x](y) quiet` |');
		const modules = cell(md, 'Modules');
		expect(modules.map((t) => [t.type, t.content])).toEqual([
			['text', `${r.metadata.modules.length}: `],
			['code_inline', 'mydrv fuse nf_nat bridge snd_hda_codec_hdmi']
		]);
	});
});
