/**
 * The text report in an 80-column plain-text mail: prose is wrapped, log lines (evidence, call
 * trace, registers, titles) are never wrapped nor cut, and a command in a code span stays on one
 * line so that it can be copied.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText, TEXT_WIDTH, wrap } from '../../src/lib/output/text.ts';
import { analyzeFile, fixtureLogs, OUTPUT_FIXTURES } from './helpers.ts';

/** Lines of a text report outside its log blocks that are longer than TEXT_WIDTH. */
function longProse(txt: string): string[] {
	const out: string[] = [];
	let log = false;
	for (const l of txt.split('\n')) {
		if (/^ {2}(?:Evidence|Registers|Call trace)/.test(l)) log = true;
		// (an evidence line marked `>` in the margin, the guilty frame's, is one of them)
		else if (/^ {0,2}[^\s>]/.test(l)) log = false;
		if (log || l.startsWith('* ') || l.startsWith('  Faulting location: ')) continue;
		// a line may be longer when it holds a word longer than the room, or a command
		if ([...l].length > TEXT_WIDTH && !l.includes('`') && !l.split(' ').some((w) => w.length > 30))
			out.push(l);
	}
	return out;
}

describe('the text report in 80 columns', () => {
	it('keeps a bracketed number with its unit on one line ("(70 days)")', () => {
		// a panic 70 days after boot (apimnewyear's vmcore dmesg): "(70" had ended the line
		const where =
			'lines 9643-9677; 2021-12-19T11:56:55.414Z, 6060232.193522 s after boot (70 days)';
		expect(wrap(where, '  ', 4)).toEqual([
			'  lines 9643-9677; 2021-12-19T11:56:55.414Z, 6060232.193522 s after boot',
			'    (70 days)'
		]);
		expect(wrap('seen after boot (6.4 hours) and (1,024 more) of (2 high)', '', 2).join('\n')).toBe(
			'seen after boot (6.4 hours) and (1,024 more) of (2 high)'
		);
		// followed by punctuation (iamslightlywin's "(6.3" then "hours); boot 0")
		const seen =
			'line 15, seen 587 times (last at line 5764); 22556.688033 s after boot (6.3 hours); boot 0';
		expect(wrap(seen, '  ', 4)[1]).toBe('    (6.3 hours); boot 0');
		// a bracket that is not a number and its unit is split as any words
		const lines = wrap('x'.repeat(70) + ' (70 and more words)', '', 0);
		expect(lines[0]).toBe('x'.repeat(70) + ' (70 and');
	});
	it('wraps prose at spaces, keeps long words and code spans whole', () => {
		const words = 'What the kernel says here is long enough to wrap at least once, and then more';
		expect(wrap(words, '  What it means:', 4)).toEqual([
			'  What it means: What the kernel says here is long enough to wrap at least once,',
			'    and then more'
		]);
		const cmd = 'run `./scripts/decode_stacktrace.sh -r 6.1.0-13-amd64 < crash-0123abcd.txt` now';
		expect(wrap(cmd, '    -', 6)).toEqual([
			'    - run',
			'      `./scripts/decode_stacktrace.sh -r 6.1.0-13-amd64 < crash-0123abcd.txt`',
			'      now'
		]);
		const url =
			'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/crypto/ccp/ccp-dev-v5.c';
		// (intended change: the first URL had followed the label, past the 80th column)
		expect(wrap(`${url} ${url}`, '  References:', 4)).toEqual([
			'  References:',
			`    ${url}`,
			`    ${url}`
		]);
		expect(wrap('', 'Note:', 6)).toEqual(['Note:']);
	});

	it('fits prose in 80 columns for every fixture log', { timeout: 120_000 }, async () => {
		const long: string[] = [];
		for (const path of fixtureLogs())
			for (const l of longProse(formatText(await analyzeFile(path)))) long.push(`${path}: ${l}`);
		expect(long).toEqual([]);
	});

	it('keeps log lines whole and the System values in one column', async () => {
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log'));
		const txt = formatText(r);
		for (const e of r.findings[0].evidence) expect(txt).toContain(` ${e.line} | ${e.text}\n`);
		// syzkaller-424.log: `Virtual machine` had been one space from its value, every other
		// label padded to 13 columns
		expect(txt).toContain('\nKernel          5.3.0+\n');
		expect(txt).toContain('\nVirtual machine QEMU\n');
		expect(txt).toContain('\nBoots           1\n');
	});
});
