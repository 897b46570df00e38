import { expect, test } from '@playwright/test';
import { analyzeText, laidOutLines, openFinding, watchForErrors } from './helpers';

/**
 * On a phone a crash's evidence lines wrap at their spaces, a word of code with a hyphen whole on a
 * line: the kernel's release in the `CPU: … Tainted:` line had been cut as "3.10.0-" over
 * "54.0.1.el7.s390x", and the taint's "O--------------" in two, what a kernel developer reads and
 * types. An s390x register line's two-word name, `Krnl Code:`, stays with its value (`Krnl` had
 * ended a line). The lines are a WARNING of abrt/satyr's rhbz-1040900-s390x-1 (its
 * tests/kerneloopses), as the corpus's satyr-rhbz-1040900-s390x-1.log has them.
 */
const LOG = [
	'[16164.389572] ------------[ cut here ]------------',
	'[16164.389575] WARNING: at /tmp/will_oops.VBwBJthHLD/will_oops.c:11',
	'[16164.389576] Modules linked in: will_oops(OF+) sg qeth_l2 vmur nfsd auth_rpcgss nfs_acl lockd sunrpc xfs libcrc32c dasd_fba_mod dasd_eckd_mod dasd_mod lcs qeth ctcm qdio ccwgroup fsm dm_mirror dm_region_hash dm_log dm_mod',
	'[16164.389606] CPU: 0 PID: 32037 Comm: insmod Tainted: GF          O--------------   3.10.0-54.0.1.el7.s390x #1',
	'[16164.389610] task: 000000007ffa9998 ti: 0000000059e1c000 task.ti: 0000000059e1c000',
	'[16164.389614] Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])',
	'[16164.389625]            R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:3 PM:0 EA:3',
	'Krnl GPRS: 0000000000010000 070000000020db8e 0000000000000030 00000000000000d7',
	'[16164.389635]            000003ff8086d036 0400000000000000 0000000000000000 000003ff00000000',
	'[16164.398601]            000003ff8086d000 000003ff8086a228 000003ff8086a050 000003ff8086d000',
	'[16164.398605]            0000000000000000 00000000005e9fa8 000003ff8086d036 0000000059e1fc68',
	'[16164.398615] Krnl Code: 000003ff8086d02a: c020ffffe006        larl    %r2,3ff80869036',
	'           000003ff8086d030: c0e5ffffd7ec       brasl   %r14,3ff80868008',
	'          #000003ff8086d036: a7f40001           brc     15,3ff8086d038',
	'          >000003ff8086d03a: a7290000           lghi    %r2,0',
	'           000003ff8086d03e: ebeff0a00004       lmg     %r14,%r15,160(%r15)',
	'           000003ff8086d044: 07fe               bcr     15,%r14',
	'           000003ff8086d046: 0707               bcr     0,%r7',
	'           000003ff8086d048: 0000               unknown',
	'[16164.398666] Call Trace:',
	'[16164.398670] ([<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops])',
	'[16164.398685]  [<000000000010014e>] do_one_initcall+0xce/0x160',
	'[16164.398692]  [<00000000001ab224>] load_module+0x1414/0x19f4',
	'[16164.398699]  [<00000000001ab9b2>] SyS_finit_module+0x8e/0xc4',
	'[16164.400545]  [<00000000005db6f4>] sysc_tracego+0x14/0x1a',
	'[16164.400552]  [<000003fffd4a1d92>] 0x3fffd4a1d92',
	'[16164.400586] Last Breaking-Event-Address:',
	'[16164.400588]  [<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops]',
	'[16164.400600] ---[ end trace 4e37b1eb61ae9844 ]---'
].join('\n');

test('evidence words with a hyphen and s390 register names stay whole on a phone', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await analyzeText(page, LOG);
	const card = page
		.locator('article.finding')
		.filter({ has: page.locator('.title', { hasText: /^WARNING in will_oops_init$/ }) });
	await openFinding(card);
	const evidence = card.getByRole('region', { name: /^Evidence lines of / }).locator('.ev code');
	const registers = card.getByRole('region', { name: /^Registers of / }).locator('.ev code');
	await expect(evidence.filter({ hasText: '3.10.0-54.0.1.el7.s390x' })).toHaveCount(1);
	await expect(registers.filter({ hasText: /^Krnl Code: / })).toHaveCount(1);
	let hyphenated = 0;
	for (const width of [320, 360, 390, 414]) {
		await page.setViewportSize({ width, height: 844 });
		for (const [i, laid] of (await laidOutLines(evidence)).entries()) {
			const text = (await evidence.nth(i).textContent()) as string;
			// the laid-out lines are the log's line, as copied
			expect(laid.join(''), `at ${width} px`).toBe(text);
			const words = new Set(text.split(/\s+/));
			if (laid.length > 1 && text.includes('-')) hyphenated++;
			for (const l of laid)
				for (const w of l.trim().split(/\s+/))
					if (w.includes('-') && w.length <= 24)
						expect(words.has(w), `"${w}" of "${l}" at ${width} px`).toBe(true);
		}
		for (const laid of await laidOutLines(registers))
			for (const l of laid)
				expect(l.trim(), `at ${width} px`).not.toMatch(/(?:^|\s)(?:Krnl|User)$/);
	}
	// lines with hyphens did wrap: the checks above checked wrapped lines
	expect(hyphenated).toBeGreaterThan(0);
	expect(problems).toEqual([]);
});
