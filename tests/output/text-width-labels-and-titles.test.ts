/**
 * The text report in 80 columns: a label whose first word (a URL, a source path) does not fit
 * after it has the word on the next line, whole, under the indent (`  References: https://…`
 * had run past the 80th column); the title of a finding that is no crash is the rules' prose and
 * wrapped under a hanging indent, while a crash's title, the kernel's own words searched for as
 * they are, stays whole on its line.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { formatText, TEXT_WIDTH, wrap } from '../../src/lib/output/text.ts';
import { analyzeStream } from '../../src/lib/index.ts';

const URL =
	'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/ras/cec.c';

async function analyze(text: string): Promise<AnalysisResult> {
	return analyzeStream(
		(async function* () {
			yield new TextEncoder().encode(text);
		})(),
		{ name: 'dmesg.log' }
	);
}

describe('labels and titles in 80 columns', () => {
	it('a first word that does not fit after its label starts the next line', () => {
		expect(wrap(URL, '  References:', 4)).toEqual(['  References:', `    ${URL}`]);
		const path =
			'/builddir/build/BUILD/kernel-3.2.fc16/compat-wireless/include/net/mac80211.h:3618';
		expect(wrap(path, '    source location:', 6)).toEqual([
			'    source location:',
			`      ${path}`
		]);
		// one that fits stays after the label
		expect(wrap('mm/filemap.c:125', '    source location:', 6)).toEqual([
			'    source location: mm/filemap.c:125'
		]);
		// a bullet or a padded column is no label: the word stays on its line
		expect(wrap(URL, '    -', 6)).toEqual([`    - ${URL}`]);
		expect(wrap(URL, 'Command line    ', 16)).toEqual([`Command line    ${URL}`]);
	});

	it("wraps a rule's long title, keeps a crash's title whole", async () => {
		const r = await analyze(
			[
				'[    0.000000] Linux version 6.1.0-test (builder@host1) (gcc 12) #1 SMP',
				'[    5.000000] BUG: sleeping function called from invalid context at kernel/locking/rwsem.c:1525',
				'[    5.000001] in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 42, name: kworker/0:1',
				'[    5.000002] CPU: 0 PID: 42 Comm: kworker/0:1 Not tainted 6.1.0-test #1',
				'[    5.000003] Call Trace:',
				'[    5.000004]  <TASK>',
				'[    5.000005]  dump_stack_lvl+0x44/0x5c',
				'[    5.000006]  __might_resched.cold+0xcc/0xdd',
				'[    5.000007]  down_read+0x18/0xa0',
				'[    5.000008]  __blocking_notifier_call_chain_with_a_long_name+0x2a/0x70',
				'[    5.000009]  process_one_work+0x1c4/0x380',
				'[    5.000010]  </TASK>'
			].join('\n') + '\n'
		);
		const crash = r.findings.find((f) => f.category === 'crash')!;
		expect(crash.title.length + 2).toBeGreaterThan(TEXT_WIDTH);
		const long =
			'A routine finding whose title is long enough to need a second line in the text report';
		const copy = structuredClone(crash);
		Object.assign(copy, { id: 'other-01234567', category: 'other', title: long, stack: null });
		r.findings.push(copy);
		const lines = formatText(r).split('\n');
		expect(lines).toContain(`* ${crash.title}`);
		const at = lines.indexOf(
			'* A routine finding whose title is long enough to need a second line in the text'
		);
		expect(at).toBeGreaterThan(-1);
		expect(lines[at + 1]).toBe('  report');
		expect(lines[at + 2]).toBe('  id other-01234567, other, rule crash.atomic-sleep');
	});
});
