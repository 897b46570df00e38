/**
 * A shell's prompt in the middle of a log without prefixes (`dmesg -t` pasted twice, each after
 * its prompt): the first lines are held and tested as they are released; later ones had been
 * bare kernel lines. A prompt that starts with a prompt's character (`$`, `#`, `%`, `[`, `/`, `~`)
 * is skipped there too (formats/bare.ts promptSign); one that starts with a user or host name is
 * not looked for (a test on every line of the log). Kernel lines are the reference's `dmesg -t`
 * style (its §2.6 oops anatomy, util-linux examples).
 */
import { describe, expect, it } from 'vitest';
import { SKIP_SHELL } from '../../src/lib/ingestion/formats/bare.ts';
import { ingestText } from './helpers.ts';

const LINES = [
	'BUG: kernel NULL pointer dereference, address: 0000000000000008',
	'#PF: supervisor read access in kernel mode',
	'#PF: error_code(0x0000) - not-present page',
	'[drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0'
];
/** more lines than the input's first lines held (16), so that the prompt comes after them */
const BEFORE = [...LINES, ...LINES, ...LINES, ...LINES, ...LINES];

describe('a shell prompt inside a log without prefixes', () => {
	it('is skipped where it starts with a prompt character', () => {
		for (const prompt of [
			'$ dmesg -t | tail',
			'# dmesg -t',
			'[alice@host1 ~]$ dmesg -t',
			'/ # dmesg -t'
		]) {
			const run = ingestText([...BEFORE, prompt, ...LINES].join('\n') + '\n');
			expect(run.summary.input.skipped_reasons, prompt).toEqual({ [SKIP_SHELL]: 1 });
			expect(run.summary.input.formats, prompt).toEqual({ bare: 24 });
		}
	});

	it('the kernel’s `#PF:` and `[drm]` lines stay kernel lines', () => {
		const run = ingestText([...BEFORE, ...LINES].join('\n') + '\n');
		expect(run.summary.input.formats).toEqual({ bare: 24 });
		expect(run.summary.input.lines_skipped).toBe(0);
	});

	it('a prompt that starts with a user name is not looked for in the middle', () => {
		const run = ingestText([...BEFORE, 'alice@host1:~$ dmesg -t', ...LINES].join('\n') + '\n');
		expect(run.summary.input.formats).toEqual({ bare: 25 });
	});
});
