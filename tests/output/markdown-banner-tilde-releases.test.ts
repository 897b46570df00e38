/**
 * A kernel banner's version with several `~` parts (Pop!_OS: `#202307241739~1694621917~22.04~ac5e1a8
 * SMP`) is one inline code span in the Markdown report: only its first `~` part had been, and the
 * `~22.04` after the code span was a GitLab label reference once rendered (venroot-logs-dmesg).
 */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/lib/output/markdown.ts';
import { renderMarkdown } from '../support/markdown-render.ts';

describe('a kernel version of several ~ parts', () => {
	it('is one inline code span, with no ~ left in the rendered text', () => {
		const md = escapeMarkdown('(gcc 12.3.0) #202307241739~1694621917~22.04~ac5e1a8 SMP PREEMPT');
		expect(md).toBe('(gcc 12.3.0) `#202307241739~1694621917~22.04~ac5e1a8` SMP PREEMPT');
		const outsideCode = renderMarkdown(md).replace(/<code>[^<]*<\/code>/g, '');
		expect(outsideCode).not.toContain('~');
		// one ~ part, as an Ubuntu banner has, is as it was
		expect(escapeMarkdown('#1~18.04.2-Ubuntu SMP')).toBe('`#1~18.04.2-Ubuntu` SMP');
	});
});
