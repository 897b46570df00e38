/**
 * The System section's Taint row of a log whose crash reports say `Not tainted`: a report prints
 * the taint the kernel had before it, and can taint the kernel as it ends, so the row names the
 * last report that said it. A bare `not tainted` had stood above Red Hat's unsupported-hardware
 * warning, whose explanation says the kernel is marked tainted.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { metadataRows, rowText } from '../../src/lib/output/common.ts';
import { analyzeText } from '../../src/lib/index.ts';
import { analyzeFile, OUTPUT_FIXTURES } from './helpers.ts';

describe('the Taint row of a log that says Not tainted', () => {
	it('says the kernel was not tainted before the report that printed it, then the report taints it', async () => {
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'abrt-oops-unsupported-hw.log'));
		expect(r.metadata.tainted).toBe(false);
		expect(r.metadata.taint).toBeNull();
		const txt = formatText(r);
		expect(txt).toMatch(
			/^Taint {11}not tainted before WARNING in mark_hardware_unsupported \(line 5\)$/m
		);
		// line 5 is the report's own `CPU: … Not tainted` line
		expect(txt).toMatch(/^ +5 \| CPU: 0 PID: 0 Comm: swapper Not tainted 3\.10\.0-41\.el7/m);
		// the explanation below it says the warning tainted the kernel: the order a reader follows
		expect(txt.indexOf('The kernel is marked tainted')).toBeGreaterThan(0);
		// the title is log text: a code span in the Markdown report's table
		expect(formatMarkdown(r)).toContain(
			'| Taint | not tainted before `WARNING in mark_hardware_unsupported` (line 5) |'
		);
		// the JSON keeps what the log said
		expect(JSON.parse(JSON.stringify(r.metadata)).tainted).toBe(false);
	});

	it('names the last of several reports', async () => {
		const r = await analyzeText(
			[
				'[   10.000000] WARNING: CPU: 1 PID: 42 at drivers/gpu/drm/drm_vblank.c:728 drm_wait_one_vblank+0x1a4/0x1b0',
				'[   10.000001] CPU: 1 PID: 42 Comm: kworker/1:1 Not tainted 6.1.0 #1',
				'[   10.000002] Call Trace:',
				'[   10.000003]  drm_wait_one_vblank+0x1a4/0x1b0',
				'[   10.000004] ---[ end trace 0000000000000000 ]---',
				'[   20.000000] BUG: kernel NULL pointer dereference, address: 0000000000000008',
				'[   20.000001] Oops: 0000 [#1] SMP',
				'[   20.000002] CPU: 0 PID: 7 Comm: swapper/0 Not tainted 6.1.0 #1',
				'[   20.000003] RIP: 0010:kfree+0x10/0x100',
				'[   20.000004] Call Trace:',
				'[   20.000005]  <TASK>',
				'[   20.000006]  foo_release+0x20/0x40',
				'[   20.000007]  </TASK>'
			].join('\n')
		);
		const row = metadataRows(r).find((x) => x.label === 'Taint');
		expect(row && rowText(row)).toMatch(/^not tainted before .+ \(line 8\)$/);
	});

	it('stays "not tainted" when no crash report printed it', async () => {
		// an OOM kill's `CPU: 0 PID: 2512 Comm: python Not tainted 3.13.0-57-generic` (line 3):
		// the OOM killer taints nothing, and its finding is no crash report
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'serverlog-kern-log-1.log'));
		expect(r.metadata.tainted).toBe(false);
		expect(r.findings.some((f) => f.category === 'crash')).toBe(false);
		const row = metadataRows(r).find((x) => x.label === 'Taint');
		expect(row && rowText(row)).toBe('not tainted');
	});
});
