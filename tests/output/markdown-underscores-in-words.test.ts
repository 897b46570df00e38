/**
 * An underscore inside a word of log text (`x86_64` of a kernel release, a command line's
 * `usbcore.old_scheme_first=1`, `gfx_0.0.0`) is left as it is in the Markdown report: CommonMark
 * and GFM never read it as emphasis, and escaped it read `x86\_64` where the Markdown is pasted
 * into a plain-text mail. An underscore at a word's edge is still escaped: there it can open or
 * close emphasis.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/index.ts';
import { escapeMarkdown, formatMarkdown } from '../../src/lib/output/markdown.ts';
import { renderMarkdown } from '../support/markdown-render.ts';

describe('underscores in Markdown prose', () => {
	it('inside a word are kept, and render as themselves', () => {
		for (const [text, md] of [
			['3.10.0-693.el7.x86_64', '3.10.0-693.el7.x86_64'],
			[
				'usbcore.old_scheme_first=1 i915.enable_guc=3',
				'usbcore.old_scheme_first=1 i915.enable_guc=3'
			],
			['ring gfx_0.0.0 timeout', 'ring gfx_0.0.0 timeout'],
			['a__b.c', 'a__b.c']
		]) {
			expect(escapeMarkdown(text)).toBe(md);
			expect(renderMarkdown(escapeMarkdown(text))).toBe(`<p>${text}</p>\n`);
		}
	});

	it("at a word's edge are escaped, and nothing becomes emphasis", () => {
		const cases = [
			'(_BST/_BIF) ..._PSR',
			'_a.b_ and __c.d__',
			'x._y.z_.w',
			'5.4_ _6.1',
			'\\_SB.PCI0.XHC'
		];
		for (const text of cases) {
			const html = renderMarkdown(escapeMarkdown(text));
			expect(html).not.toMatch(/<em>|<strong>/);
			expect(html).toBe(`<p>${text}</p>\n`);
		}
		expect(escapeMarkdown('(_BST/_BIF)')).toBe('(\\_BST/\\_BIF)');
	});

	it("a report's headline and kernel release keep them (amdgpu ring, el7 kernel)", async () => {
		const md = formatMarkdown(
			await analyzeText(
				[
					'[    0.000000] Linux version 3.10.0-693.el7.x86_64 (builder@host1) (gcc version 4.8.5) #1 SMP Tue Aug 22 21:09:27 UTC 2017',
					'[ 4271.000000] [drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout, signaled seq=516877, emitted seq=516879'
				].join('\n') + '\n'
			)
		);
		expect(md).toContain('AMD GPU ring gfx_0.0.0 timeout (amdgpu)');
		expect(md).toContain('3.10.0-693.el7.x86_64');
		expect(md).not.toContain('\\_');
	});
});
