import { expect, test } from '@playwright/test';
import { MIXED, analyzeText, watchForErrors } from './helpers';

/**
 * A finding seen more than once says under its title where the last was, as the text report's
 * "seen 2 times (last at line N)" does: the page had shown where it was first seen only, and a
 * reader told that lines which stop while the log goes on mean something else than lines to the
 * end of the log (`unregister_netdevice: waiting for lo`, ×6 in a server's messages) could not
 * tell which. One seen once says nothing of a last.
 */
test('a finding seen twice names the line of the last under its title', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyzeText(page, MIXED);
	const lines = MIXED.split('\n');
	const last = lines.findLastIndex((l) => l.includes('firmware failed to leave lps state')) + 1;
	const first = lines.findIndex((l) => l.includes('firmware failed to leave lps state')) + 1;
	expect(last).toBe(first + 2);
	const rtw = page.locator('article.finding').filter({ hasText: 'rtw_8821ce' });
	await expect(rtw.locator('.meta')).toContainText(`line ${first} · ×2, last at line ${last}`);
	const once = page.locator('article.finding').filter({ hasText: 'I/O error' });
	await expect(once.locator('.meta')).not.toContainText('last at');
	await expect(once.locator('.meta')).not.toContainText('×');
	expect(problems).toEqual([]);
});
